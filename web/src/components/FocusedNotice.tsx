import { useEffect, useRef } from 'react';
import { Notice } from './forms.tsx';

/**
 * A success message that takes focus when it appears or changes: after an action whose button
 * disappears (accept, withdraw, revoke), keyboard and screen-reader users land on the outcome.
 */
export function FocusedNotice({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="focused-notice">
      <Notice>{message}</Notice>
    </div>
  );
}
