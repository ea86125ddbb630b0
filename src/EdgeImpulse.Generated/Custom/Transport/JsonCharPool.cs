// CUSTOM: lends JsonTextReader its character buffers from the shared pool instead of allocating them per response.
using System.Buffers;
using Newtonsoft.Json;

namespace EdgeImpulse.Generated;

internal sealed class JsonCharPool : IArrayPool<char>
{
    public static JsonCharPool Instance { get; } = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
