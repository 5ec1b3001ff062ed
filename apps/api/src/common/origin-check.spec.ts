import { crossSiteReason } from './origin-check';

const host = { host: 'caunoi.example.vn' };

describe('crossSiteReason', () => {
  describe('with no configured origin: same host as the request', () => {
    it.each([
      ['a same-origin browser post', { ...host, origin: 'https://caunoi.example.vn' }],
      ['a port kept in both', { host: 'localhost:3000', origin: 'http://localhost:3000' }],
      ['upper-case host', { host: 'CauNoi.Example.VN', origin: 'https://caunoi.example.vn' }],
      ['a program without Origin', { ...host }],
      ['a same-origin fetch', { ...host, 'sec-fetch-site': 'same-origin' }],
      ['a typed-in navigation', { ...host, 'sec-fetch-site': 'none' }],
    ])('lets %s through', (_name, headers) => {
      expect(crossSiteReason('POST', headers, [])).toBeNull();
    });

    it.each([
      ['another site', { ...host, origin: 'https://evil.example' }, /another host/],
      ['another port', { host: 'localhost:3000', origin: 'http://localhost:4000' }, /another host/],
      ['a sandboxed page', { ...host, origin: 'null' }, /not an http/],
      ['a file: page', { ...host, origin: 'file://' }, /not an http/],
      [
        'a cross-site fetch even with a matching Origin',
        { ...host, origin: 'https://caunoi.example.vn', 'sec-fetch-site': 'cross-site' },
        /cross-site/,
      ],
      ['a same-site sibling without Origin', { ...host, 'sec-fetch-site': 'same-site' }, /missing/],
      ['a request without Host', { origin: 'https://caunoi.example.vn' }, /another host/],
    ])('refuses %s', (_name, headers, reason) => {
      expect(crossSiteReason('POST', headers, [])).toMatch(reason);
    });
  });

  describe('with configured public origins', () => {
    const origins = ['https://caunoi.example.vn', 'http://localhost:8080'];

    it('accepts each listed origin whatever the Host (a proxy may rewrite it)', () => {
      expect(
        crossSiteReason('PATCH', { host: 'api:3000', origin: 'http://localhost:8080' }, origins),
      ).toBeNull();
      expect(
        crossSiteReason('DELETE', { host: 'x', origin: 'https://caunoi.example.vn' }, origins),
      ).toBeNull();
    });

    it('refuses an unlisted origin even on the same host', () => {
      expect(
        crossSiteReason(
          'POST',
          { host: 'localhost:3000', origin: 'http://localhost:3000' },
          origins,
        ),
      ).toMatch(/not a public origin/);
    });
  });

  it.each(['GET', 'HEAD', 'OPTIONS', 'get'])('does not look at safe %s requests', (method) => {
    expect(
      crossSiteReason(
        method,
        { ...host, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        [],
      ),
    ).toBeNull();
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('checks %s', (method) => {
    expect(crossSiteReason(method, { ...host, origin: 'https://evil.example' }, [])).not.toBeNull();
  });
});
