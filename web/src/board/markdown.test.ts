import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

const render = (markdown: string, offset?: number) => {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(markdown, offset);
  return container;
};

const everyAttribute = (root: Element) => [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));

describe('board Markdown', () => {
  it('renders the usual Markdown, Hangul included', () => {
    const html = render('**중요** 공지입니다.\n\n- 첫째\n- 둘째\n\n`코드`');
    expect(html.querySelector('strong')?.textContent).toBe('중요');
    expect(html.querySelectorAll('li')).toHaveLength(2);
    expect(html.querySelector('code')?.textContent).toBe('코드');
  });

  it('shows a <script> as text and never as an element', () => {
    const html = render('before <script>alert(1)</script> after\n\n<script>document.cookie</script>');
    expect(html.querySelector('script')).toBeNull();
    expect(html.textContent).toContain('<script>alert(1)</script>');
  });

  it('neutralises onerror= and other event handlers in raw HTML', () => {
    const html = render('<img src=x onerror="alert(1)">\n\n<a href="https://example.com" onclick="alert(1)">x</a>\n\n<p onmouseover="alert(1)">y</p>');
    expect(html.querySelector('img')).toBeNull();
    expect(everyAttribute(html).some((a) => a.startsWith('on'))).toBe(false);
    expect(html.textContent).toContain('onerror="alert(1)"');
  });

  it('drops javascript:, data: and other non-web links, keeping their text', () => {
    const html = render('[click me](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:x) [rel](/app/profile)');
    expect(html.querySelectorAll('a[href]')).toHaveLength(0);
    expect(html.textContent).toContain('click me');
    expect(everyAttribute(html).some((a) => /javascript:|data:|vbscript:/i.test(a))).toBe(false);
  });

  it('drops a javascript: link even when disguised', () => {
    const html = render('[x](JaVaScRiPt:alert(1)) [y]( javascript:alert(1)) [z](java&#115;cript:alert(1))');
    expect(html.querySelectorAll('a[href]')).toHaveLength(0);
  });

  it('removes an <iframe>, <object>, <embed>, <style> and <form>', () => {
    const html = render('<iframe src="https://evil.example"></iframe>\n\n<object data="x"></object><embed src="x"><style>body{display:none}</style><form action="https://evil.example"><input></form>');
    for (const tag of ['iframe', 'object', 'embed', 'style', 'form', 'input']) expect(html.querySelector(tag)).toBeNull();
  });

  it('opens web links in a new tab without handing over this page', () => {
    const html = render('[안내](https://example.com/guide) https://example.org <mailto:help@example.com>');
    const links = [...html.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://example.com/guide', 'https://example.org', 'mailto:help@example.com']);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('does not let a link title break out of its attribute', () => {
    const html = render('[a](https://example.com "t\\" onmouseover=\\"alert(1)")');
    expect(everyAttribute(html).some((a) => a.startsWith('onmouseover'))).toBe(false);
  });

  it('loads no image: an image becomes a link to it, a bad one only its text', () => {
    const html = render('![배치도](https://cdn.example/map.png) ![x](javascript:alert(1)) ![](http://tracker.example/p.gif)');
    expect(html.querySelector('img')).toBeNull();
    const links = [...html.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://cdn.example/map.png', 'http://tracker.example/p.gif']);
    expect(links[0].textContent).toBe('배치도');
    expect(html.textContent).toContain('x');
  });

  it('moves headings below the page heading', () => {
    expect(render('# 제목').querySelector('h2')?.textContent).toBe('제목');
    expect(render('# 제목', 2).querySelector('h3')).not.toBeNull();
    expect(render('###### 작은 제목', 2).querySelector('h6')).not.toBeNull();
    expect(render('# 제목').querySelector('h1')).toBeNull();
  });

  it('writes a task list\'s boxes as text', () => {
    const html = render('- [x] 완료\n- [ ] 남음');
    expect(html.querySelector('input')).toBeNull();
    expect(html.textContent).toContain('[x] 완료');
  });
});
