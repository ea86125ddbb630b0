// CUSTOM: serializes a request body straight to the UTF-8 bytes that go on the wire. JsonConvert.SerializeObject
// would build a serializer, a StringBuilder and a string, which RestSharp's string body then encodes into bytes
// again; here the JSON is written into a pooled character buffer and encoded once into an array of its exact size,
// which RestSharp sends as it is (a byte[] body becomes a ByteArrayContent, no copy).
using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace EdgeImpulse.Generated;

internal static class JsonRequestBody
{
    /// <summary>Gets the JSON bytes of <paramref name="body"/>, as <see cref="ApiConnection.Serializer"/> writes it.</summary>
    public static byte[] ToUtf8(object body)
    {
        using var buffer = new PooledCharWriter();
        using (var json = new JsonTextWriter(buffer) { ArrayPool = JsonCharPool.Instance, CloseOutput = false })
        {
            ApiConnection.Serializer.Serialize(json, body);
        }

        var chars = buffer.Written;
        var bytes = new byte[Encoding.UTF8.GetByteCount(chars)];
        Encoding.UTF8.GetBytes(chars, bytes);
        return bytes;
    }

    /// <summary>A text writer into a character buffer rented from the shared pool (returned on dispose).</summary>
    private sealed class PooledCharWriter : TextWriter
    {
        private char[] _buffer = ArrayPool<char>.Shared.Rent(4096);
        private int _length;

        public PooledCharWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Encoding.UTF8;

        public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

        public override void Write(char value)
        {
            Reserve(1)[0] = value;
            _length++;
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(ReadOnlySpan<char> buffer)
        {
            buffer.CopyTo(Reserve(buffer.Length));
            _length += buffer.Length;
        }

        public override void Write(string? value) => Write(value.AsSpan());

        protected override void Dispose(bool disposing)
        {
            if (disposing && _buffer.Length != 0)
            {
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = [];
                _length = 0;
            }

            base.Dispose(disposing);
        }

        private Span<char> Reserve(int count)
        {
            if (_buffer.Length - _length < count)
            {
                var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
                Written.CopyTo(larger);
                ArrayPool<char>.Shared.Return(_buffer);
                _buffer = larger;
            }

            return _buffer.AsSpan(_length);
        }
    }
}
