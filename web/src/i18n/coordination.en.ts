/** English messages of the coordination pages. */
export const coordinationEn = {
  'coordination.placeholder': 'Coordination',
};
