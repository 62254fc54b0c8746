import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, encodeRfc3986, sha256Hex, signV4, toAmzDate } from './sigv4.ts';

// The worked examples published by AWS. If these pass, a real S3 accepts our signatures.
describe('signV4', () => {
  it('reproduces the IAM ListUsers example from the SigV4 documentation', () => {
    const signed = signV4({
      method: 'GET',
      url: 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 'iam',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      now: new Date('2015-08-30T12:36:00Z'),
    });

    expect(signed.canonicalRequest).toBe(
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8',
        'host:iam.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'content-type;host;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(sha256Hex(signed.canonicalRequest)).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(signed.stringToSign).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n' +
        'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    );
    expect(signed.signature).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    );
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
    expect(signed.headers.host).toBe('iam.amazonaws.com');
  });

  it('reproduces the S3 GetObject example (header-based auth, single chunk)', () => {
    const signed = signV4({
      method: 'GET',
      url: 'https://examplebucket.s3.amazonaws.com/test.txt',
      headers: { Range: 'bytes=0-9', 'x-amz-content-sha256': EMPTY_SHA256 },
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(sha256Hex(signed.canonicalRequest)).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    expect(signed.signature).toBe('f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41');
  });

  it('reproduces the S3 PutObject example, whose key needs percent-encoding', () => {
    const body = 'Welcome to Amazon S3.';
    const signed = signV4({
      method: 'PUT',
      url: 'https://examplebucket.s3.amazonaws.com/test$file.text',
      headers: {
        Date: 'Fri, 24 May 2013 00:00:00 GMT',
        'x-amz-storage-class': 'REDUCED_REDUNDANCY',
        'x-amz-content-sha256': sha256Hex(body),
      },
      payloadHash: sha256Hex(body),
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    expect(signed.canonicalRequest.split('\n')[1]).toBe('/test%24file.text');
    expect(signed.signature).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
  });

  it('sorts and encodes query parameters the AWS way', () => {
    const signed = signV4({
      method: 'GET',
      url: 'https://s3.example.vn/b?prefix=t%E1%BB%9D%20khai&a=2&a=1&list-type=2',
      payloadHash: EMPTY_SHA256,
      region: 'vn-north-1',
      service: 's3',
      accessKeyId: 'k',
      secretAccessKey: 's',
      now: new Date('2025-01-29T00:00:00Z'),
    });
    expect(signed.canonicalRequest.split('\n')[2]).toBe('a=1&a=2&list-type=2&prefix=t%E1%BB%9D%20khai');
  });

  it('signs a session token when one is given', () => {
    const signed = signV4({
      method: 'HEAD',
      url: 'http://127.0.0.1:9000/b/k',
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'k',
      secretAccessKey: 's',
      sessionToken: 'tok',
      now: new Date('2025-01-29T00:00:00Z'),
    });
    expect(signed.headers['x-amz-security-token']).toBe('tok');
    expect(signed.headers.host).toBe('127.0.0.1:9000');
    expect(signed.headers.authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token,');
  });

  it('formats dates and encodes per RFC 3986', () => {
    expect(toAmzDate(new Date('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z');
    expect(encodeRfc3986("a b!'()*~.-_")).toBe('a%20b%21%27%28%29%2A~.-_');
  });
});
