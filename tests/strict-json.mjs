// Reads a JSON file as strictly as the app does (src/model/scan.rs), so that
// the schema tests see a file the way the app sees it: JSON.parse alone
// would decode broken UTF-8 into replacement characters and keep the last of
// two equal keys. Throws an Error whose `reason` is `encoding`,
// `duplicate-key` or `syntax`.

const fail = (reason, message) => Object.assign(new Error(message), { reason });

/** Decodes UTF-8 (a UTF-8 byte-order mark is skipped), refusing any other encoding. */
export function decodeStrict(bytes) {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fail('encoding', 'UTF-16 byte-order mark');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail('encoding', 'not valid UTF-8');
  }
}

/** The path of the first key repeated in one object, or null. */
export function repeatedKey(text) {
  const stack = []; // { keys: Set, key } for objects, { index } for lists
  const path = () => stack.map((f) => ('keys' in f ? `.${f.key}` : `[${f.index}]`)).join('').replace(/^\./, '');
  let i = 0;
  const space = () => { while (' \n\r\t'.includes(text[i]) && i < text.length) i++; };
  const string = () => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const key = (frame) => {
    space();
    frame.key = string();
    if (frame.keys.has(frame.key)) return true;
    frame.keys.add(frame.key);
    space();
    i++; // the colon
    return false;
  };
  while (i < text.length) {
    space();
    const c = text[i];
    if (c === '{') {
      i++; space();
      if (text[i] === '}') { i++; continue; }
      const frame = { keys: new Set(), key: null };
      stack.push(frame);
      if (key(frame)) return path();
    } else if (c === '[') {
      i++; space();
      if (text[i] === ']') { i++; continue; }
      stack.push({ index: 0 });
    } else if (c === ',') {
      i++;
      const frame = stack.at(-1);
      if (frame && 'keys' in frame) { if (key(frame)) return path(); } else if (frame) frame.index++;
    } else if (c === '}' || c === ']') {
      stack.pop(); i++;
    } else if (c === '"') {
      string();
    } else {
      i++;
    }
  }
  return null;
}

/** The file's value, read strictly. */
export function readStrict(bytes) {
  const text = decodeStrict(bytes);
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw fail('syntax', error.message);
  }
  // Only valid JSON reaches the key scan, which need not handle broken syntax.
  const repeated = repeatedKey(text);
  if (repeated !== null) throw fail('duplicate-key', `repeated key at ${repeated}`);
  return value;
}
