import { Typography } from '@mantine/core';
import { useMemo } from 'react';
import { renderMarkdown } from './markdown';

/** A post's or comment's Markdown, rendered by {@link renderMarkdown} (sanitised, no raw HTML, no outside images). */
export function MarkdownView({ source, headingOffset = 1 }: { source: string; headingOffset?: number }) {
  const html = useMemo(() => renderMarkdown(source, headingOffset), [source, headingOffset]);
  return (
    <Typography>
      <div style={{ overflowWrap: 'anywhere' }} dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
