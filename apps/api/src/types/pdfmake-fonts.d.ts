/** pdfmake's bundled Roboto (Apache 2.0, with Vietnamese): absolute paths of its four TTF files. */
declare module 'pdfmake/fonts/Roboto' {
  const fonts: {
    Roboto: { normal: string; bold: string; italics: string; bolditalics: string };
  };
  export default fonts;
}
