/** OpenCC's dictionaries as opencc-js ships them: one string, "萬 万|與 与|…". The package types only its converters. */
declare module 'opencc-js/dict/TSCharacters' {
  const dict: string;
  export default dict;
}
