import { Link } from 'react-router';
import { PageHeader } from '../components/Layout';
import { useI18n } from '../i18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <p>
        <Link to="/inbox">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
