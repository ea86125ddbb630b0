// CUSTOM: the bytes of a slice of a T[] as a Memory<byte>, so Stream.ReadAsync can write a .npy body straight into the
// array being returned (no intermediate buffer, no second copy). Unsafe only to hand out a pinned pointer in Pin.
using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgeImpulse.Generated.Npy;

/// <summary>Exposes <c>array[start..start+count]</c> as bytes; count * sizeof(T) must fit in an int.</summary>
internal sealed unsafe class ElementBytesMemory<T>(T[] array, int start, int count) : MemoryManager<byte>
    where T : unmanaged
{
    public override Span<byte> GetSpan() => MemoryMarshal.AsBytes(array.AsSpan(start, count));

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, count * sizeof(T));
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        var first = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        return new MemoryHandle(first + ((long)start * sizeof(T)) + elementIndex, handle);
    }

    // The GCHandle in the MemoryHandle is what keeps the array pinned; disposing the handle frees it.
    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
