import path from 'node:path';
import { excelColumn, locate, type Problem } from '../src/input/problems.ts';

/**
 * Problems as workflow commands of GitHub Actions (which Gitea and Forgejo Actions read too):
 * each becomes an error on its file and line in the host's web view of the commit or pull
 * request, where an editor who saved in the CMS sees it. `npm run validate -- --annotations`.
 *
 * file= is the path in the repository (the content root may be a folder of it); col= only for
 * Markdown, where a problem has a character column (a CSV problem's column is a cell's, named in
 * the title as Excel names it).
 */
export function annotation(problem: Problem, rootInRepo = ''): string {
  const file = path.posix.join(rootInRepo.split(path.sep).join('/'), problem.file);
  const props: string[] = [`file=${property(file)}`];
  if (problem.line !== undefined) props.push(`line=${problem.line}`);
  const isTable = /\.csv$/i.test(problem.file);
  if (!isTable && problem.column !== undefined && problem.line !== undefined) props.push(`col=${problem.column}`);
  const where = isTable && problem.column !== undefined ? `${excelColumn(problem.column)} 列${problem.field ? `“${problem.field}”` : ''}` : locate(problem);
  props.push(`title=${property(`内容检查：${where || problem.file}`)}`);
  const message = problem.hint ? `${problem.message}\n改法：${problem.hint}` : problem.message;
  return `::error ${props.join(',')}::${data(message)}`;
}

// The escapes of @actions/core's command.ts: data escapes %, CR and LF; properties also : and ,.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
