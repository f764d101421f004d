import { useEffect } from 'react';

/**
 * Warns before unsaved changes are lost: on closing or reloading the tab (the browser's own
 * question) and on following a link to another page of the app (a confirm). BrowserRouter
 * has no navigation blocker, so links are caught in the capture phase, before the router's
 * click handler; the browser's Back button is not caught.
 */
export function useUnsavedChangesGuard(dirty: boolean, message: string): void {
  useEffect(() => {
    if (!dirty) return;
    const handleBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = '';
    };
    const handleClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
      const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download') || anchor.target === '_blank') {
        return;
      }
      const url = new URL(anchor.href, window.location.href);
      // Links within the page (the error summary's) lose nothing.
      if (url.origin === window.location.origin && url.pathname === window.location.pathname) return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', handleBeforeUnload);
    document.addEventListener('click', handleClick, true);
    return () => {
      window.removeEventListener('beforeunload', handleBeforeUnload);
      document.removeEventListener('click', handleClick, true);
    };
  }, [dirty, message]);
}
