// CUSTOM: decodes a PooledBody straight into the caller's char buffer (JsonTextReader's pooled one), so a JSON
// response costs no StreamReader buffers and no string of the body.
using System;
using System.IO;
using System.Text;

namespace EdgeImpulse.Generated;

internal sealed class PooledBodyTextReader : TextReader
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly PooledBody _body;
    private readonly Decoder _decoder;
    private int _segment;
    private int _offset;
    private bool _flushed;

    public PooledBodyTextReader(PooledBody body, Encoding encoding)
    {
        _body = body;
        _decoder = encoding.GetDecoder();
        if (encoding.CodePage == Encoding.UTF8.CodePage && body.TryGetSegment(0, out var first) && first.StartsWith(Utf8Bom))
        {
            _offset = Utf8Bom.Length;
        }
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_body.TryGetSegment(_segment, out var segment))
        {
            var bytes = segment[_offset..];
            if (bytes.IsEmpty)
            {
                _segment++;
                _offset = 0;
                continue;
            }

            // A character split across segments stays in the decoder until the next segment completes it.
            _decoder.Convert(bytes, buffer, flush: false, out var bytesUsed, out var charsUsed, out _);
            _offset += bytesUsed;
            if (charsUsed > 0)
            {
                return charsUsed;
            }
        }

        if (_flushed)
        {
            return 0;
        }

        _flushed = true;
        _decoder.Convert(ReadOnlySpan<byte>.Empty, buffer, flush: true, out _, out var flushedChars, out _);
        return flushedChars;
    }

    public override int Read() => throw new NotSupportedException("Read blocks of characters.");

    public override int Peek() => throw new NotSupportedException("Read blocks of characters.");
}
