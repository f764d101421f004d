/** English messages of imports of CTDC files and HTCDS workbooks. */
export const importsEn = {
  'imports.title': 'Imports',
};
