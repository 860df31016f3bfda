import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import { useHref } from '../app/year';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';

export default function NotFoundPage() {
  const { m } = useI18n();
  const href = useHref();
  return (
    <Page title={m.app.notFoundTitle}>
      <Text>{m.app.notFoundBody}</Text>
      <Anchor component={Link} to={href('/')}>
        {m.app.backHome}
      </Anchor>
    </Page>
  );
}
