import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';

// The first page of a visit keeps the browser's natural focus; later navigations move
// focus to the new heading so screen-reader and keyboard users know the page changed.
let isFirstPage = true;

/** A page: sets document.title and renders the focusable <h1>. */
export function Page({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const t = useT();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.titleSuffix', { title });
  }, [t, title]);

  useEffect(() => {
    if (isFirstPage) {
      isFirstPage = false;
      return;
    }
    headingRef.current?.focus();
  }, []);

  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <h1 tabIndex={-1} ref={headingRef}>
        {title}
      </h1>
      {children}
    </div>
  );
}
