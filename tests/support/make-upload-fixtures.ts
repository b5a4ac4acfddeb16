/**
 * npx node tests/support/make-upload-fixtures.ts (the project's Node 24)
 *
 * Writes the binary fixtures of uploads (tests/fixtures/files-*, worker-photo-*), each the smallest
 * file that shows its case, so they can be made again and read: PDFs with pdf-lib, pictures with
 * sharp, the rest byte by byte. Dates are fixed, so running it again gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const DATE = new Date('2019-05-01T00:00:00Z');
const write = (file: string, bytes: Uint8Array | string): void => {
  fs.mkdirSync(path.dirname(path.join(FIXTURES, file)), { recursive: true });
  fs.writeFileSync(path.join(FIXTURES, file), bytes);
};

/** A one-page PDF saying `text`, its properties fixed, then changed by `more`. */
async function pdf(text: string, more: (doc: PDFDocument) => void | Promise<void> = () => {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 200]).drawText(text, { x: 20, y: 100, size: 10, font });
  doc.setCreationDate(DATE);
  doc.setModificationDate(DATE);
  doc.setProducer('fixture');
  await more(doc);
  return doc.save({ useObjectStreams: false });
}

/** A PNG chunk: length, type, data, CRC of type and data. */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])));
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, crc]);
}

/** A stored (uncompressed) ZIP, enough for a .docx: local headers, central directory, end record. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const PLAN = 'files/a-one-2019-plan.pdf';

// A plan whose text holds an ID-card number (valid checksum) and a mobile number.
write(`files-pdf-private-text/${PLAN}`, await pdf('Contact: ID 11010519491231002X, mobile 139 1234 5678'));
// A plan whose Author property holds a name and a phone number.
write(`files-pdf-author-phone/${PLAN}`, await pdf('Plan', (doc) => doc.setAuthor('张三 13912345678')));
// A plan that runs JavaScript when opened.
write(
  `files-pdf-javascript/${PLAN}`,
  await pdf('Plan', (doc) => {
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
  }),
);
// A plan carrying another file.
write(`files-pdf-attachment/${PLAN}`, await pdf('Plan', (doc) => doc.attach(Buffer.from('name,mobile\n'), 'list.csv', { mimeType: 'text/csv', creationDate: DATE, modificationDate: DATE })));
// An HTML page whose first bytes are those of a PDF.
write(`files-pdf-html/${PLAN}`, '%PDF-1.7\n<html><body><script>alert(1)</script></body></html>\n');
// A Word document whose XML holds a mobile number.
write(
  'files-docx/files/a-one-2019-plan.docx',
  zip({ '[Content_Types].xml': '<?xml version="1.0"?><Types/>', 'word/document.xml': '<?xml version="1.0"?><w:document><w:t>13912345678</w:t></w:document>' }),
);
// A photo with GPS coordinates and its owner's name and phone in EXIF.
write(
  'files-jpeg-gps/files/a-one-photo.jpg',
  await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3a6' } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Zhang San 13912345678', Copyright: 'Zhang San' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '35/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '113/1 14/1 0/1' } })
    .toBuffer(),
);
// A chart picture with a phone number in a PNG text chunk.
const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#36a' } }).png().toBuffer();
// Right after the header (8 bytes of signature, 25 of IHDR), where editing programs write it.
write('files-png-text-chunk/files/a-one-chart.png', Buffer.concat([png.subarray(0, 33), chunk('tEXt', Buffer.from('Author\0Zhang San 13912345678', 'latin1')), png.subarray(33)]));

/** A PNG whose header says width × height, grey, with only a few rows of zeros compressed. */
function claimedPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8); // 8 bits
  header.writeUInt8(0, 9); // grey
  const rows = zlib.deflateSync(Buffer.alloc((width + 1) * 4), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG whose frame header (SOF) claims width × height: the data is that of an 8 × 8 picture. */
async function claimedJpeg(width: number, height: number): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#a63' } }).jpeg().toBuffer();
  for (let i = 2; i < jpeg.length; ) {
    const marker = jpeg[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xc2) {
      jpeg.writeUInt16BE(height, i + 5);
      jpeg.writeUInt16BE(width, i + 7);
      return jpeg;
    }
    i += 2 + jpeg.readUInt16BE(i + 2);
  }
  throw new Error('no frame header');
}

const WORKER = (photo: string) => `---\nname: 王五\nenterprise: a-one\ncategory: 技术标兵\nrole: 班长\nphoto: ./photos/${photo}\n---\n\n事迹。\n`;
// A worker's photo 30000 × 30000 of a few KB: a decompression bomb.
write('worker-photo-bomb/content/workers/wang-wu.md', WORKER('wang-wu.png'));
write('worker-photo-bomb/content/workers/photos/wang-wu.png', claimedPng(30000, 30000));
// A worker's photo whose header claims 16500 × 16500.
write('worker-photo-false-size/content/workers/wang-wu.md', WORKER('wang-wu.jpg'));
write('worker-photo-false-size/content/workers/photos/wang-wu.jpg', await claimedJpeg(16500, 16500));
// Within the limit, but the file holds far fewer pixels than its header says.
write('worker-photo-truncated/content/workers/wang-wu.md', WORKER('wang-wu.jpg'));
write('worker-photo-truncated/content/workers/photos/wang-wu.jpg', await claimedJpeg(2000, 2000));

/**
 * A plan in Chinese whose font is not embedded but named by a standard character map (UniGB-UCS2-H),
 * as older PDF makers write: written by hand, since pdf-lib embeds every font it uses.
 */
function cjkPdf(text: string): string {
  const hex = Buffer.from(text, 'utf16le').swap16().toString('hex');
  const stream = `BT /F1 12 Tf 20 100 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}
write(`files-pdf-cjk-font/${PLAN}`, Buffer.from(cjkPdf('联系人：王五，手机 13912345678'), 'latin1'));
