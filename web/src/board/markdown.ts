import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/**
 * Board posts and comments are Markdown written by learners and managers, shown to everyone on the board. What they
 * write must not run or reach outside:
 * - raw HTML is shown as the text it is (a post about `<script>` shows the word), never interpreted;
 * - links keep only http, https and mailto targets and open in a new tab without handing over this page
 *   (`rel="noopener noreferrer"`);
 * - images are not loaded at all: an image from another site would tell that site who reads the board and when, so
 *   `![alt](url)` becomes a link to the picture, which the reader may choose to open;
 * - headings are moved down (`#` becomes the level below the page's own heading), so a post cannot outrank the page.
 * DOMPurify then removes anything that still slipped through, with an allow-list of tags and attributes.
 */

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'hr',
  'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const ALLOWED_ATTR = ['href', 'title', 'start'];
const SAFE_URL = /^(?:https?:|mailto:)/i;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function safeHref(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_URL.test(trimmed) ? trimmed : null;
}

const parsers = new Map<number, Marked>();

function parserFor(headingOffset: number): Marked {
  let parser = parsers.get(headingOffset);
  if (!parser) {
    parser = new Marked({
      gfm: true,
      breaks: true,
      async: false,
      renderer: {
        html({ text, block }) {
          return block ? `<p>${escapeHtml(text.trim())}</p>\n` : escapeHtml(text);
        },
        image({ href, text }) {
          const target = safeHref(href);
          const label = escapeHtml(text || href);
          return target ? `<a href="${escapeHtml(target)}">${label}</a>` : label;
        },
        heading({ tokens, depth }) {
          const level = Math.min(6, depth + headingOffset);
          return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
        },
        checkbox({ checked }) {
          // A task list's box as text: a disabled checkbox without a label is noise to a screen reader.
          return checked ? '[x] ' : '[ ] ';
        },
      },
    });
    parsers.set(headingOffset, parser);
  }
  return parser;
}

let purifier: ReturnType<typeof DOMPurify> | null = null;

function purify(html: string): string {
  if (!purifier) {
    purifier = DOMPurify(window);
    purifier.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName !== 'A') return;
      const href = node.getAttribute('href');
      if (href && safeHref(href)) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else {
        node.removeAttribute('href');
      }
    });
  }
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}

/**
 * Markdown as HTML that is safe to insert. `headingOffset` is how many levels a `#` heading moves down: 1 under the
 * page's `h1`, 2 under a section's `h2`.
 */
export function renderMarkdown(markdown: string, headingOffset = 1): string {
  const html = parserFor(headingOffset).parse(markdown, { async: false });
  return purify(html);
}
