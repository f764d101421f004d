import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CaseDto, RevealedIdentityDto } from '@kinga/shared';
import { revealIdentity } from '../../api/cases.ts';
import { LoadError } from '../../components/forms.tsx';
import { useLanguage } from '../../i18n/i18n.tsx';
import { formatDay } from './case-format.ts';

function Detail({ term, value }: { term: string; value: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

/**
 * Identifying details stay hidden until the user asks for them; each reveal is one audited
 * request. They live only in this tab's state: hiding them, or leaving the tab, drops them.
 */
export function CasePersonTab({ caseDto }: { caseDto: CaseDto; reload: () => void }) {
  const { t, locale } = useLanguage();
  const [revealed, setRevealed] = useState<RevealedIdentityDto | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const detailsHeading = useRef<HTMLHeadingElement>(null);
  const revealButton = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef<'details' | 'button' | null>(null);

  useEffect(() => {
    if (moveFocus.current === 'details') detailsHeading.current?.focus();
    if (moveFocus.current === 'button') revealButton.current?.focus();
    moveFocus.current = null;
  }, [revealed]);

  // Another case's details never stay on screen.
  useEffect(() => setRevealed(null), [caseDto.code]);

  const handleReveal = async () => {
    setPending(true);
    setError(null);
    try {
      const answer = await revealIdentity(caseDto.code);
      moveFocus.current = 'details';
      setRevealed(answer);
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };

  const handleHide = () => {
    moveFocus.current = 'button';
    setRevealed(null);
  };

  const notRecorded = <span className="muted">{t('cases.person.notRecorded')}</span>;
  const show = (value: string | null | undefined) => (value ? value : notRecorded);
  const identity = revealed?.identity;
  const contact = revealed?.contact;

  return (
    <>
      <h2>{t('cases.tab.person')}</h2>
      <p className="warning">{t('cases.person.auditNotice')}</p>
      {error ? <LoadError error={error} /> : null}
      {!revealed ? (
        <p>
          <button type="button" ref={revealButton} disabled={pending} onClick={() => void handleReveal()}>
            {pending ? t('cases.person.revealing') : t('cases.person.reveal')}
          </button>
        </p>
      ) : (
        <div className="panel panel-important revealed">
          <h3 ref={detailsHeading} tabIndex={-1}>
            {t('cases.person.detailsTitle')}
          </h3>
          {identity && (
            <dl className="details">
              <Detail term={t('cases.person.firstName')} value={show(identity.firstName)} />
              <Detail term={t('cases.person.middleName')} value={show(identity.middleName)} />
              <Detail term={t('cases.person.lastName')} value={show(identity.lastName)} />
              <Detail
                term={t('cases.person.birthDate')}
                value={identity.birthDate ? formatDay(identity.birthDate, locale) : notRecorded}
              />
              <Detail term={t('cases.person.identityNumber')} value={show(identity.identityNumber)} />
            </dl>
          )}
          {contact && (
            <>
              <h4>{t('cases.person.contactTitle')}</h4>
              <dl className="details">
                <Detail term={t('cases.person.phone')} value={show(contact.phone)} />
                <Detail term={t('cases.person.email')} value={show(contact.email)} />
                <Detail
                  term={t('cases.person.address')}
                  value={contact.address ? <span className="pre-line">{contact.address}</span> : notRecorded}
                />
              </dl>
            </>
          )}
          {revealed.narrative !== null && (
            <>
              <h4>{t('cases.person.narrativeTitle')}</h4>
              <p className="pre-line break">{revealed.narrative}</p>
            </>
          )}
          {!identity && !contact && revealed.narrative === null && <p>{t('cases.person.nothing')}</p>}
          <p>
            <button type="button" className="button-secondary" onClick={handleHide}>
              {t('cases.person.hide')}
            </button>
          </p>
        </div>
      )}
    </>
  );
}
