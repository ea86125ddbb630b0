using System;
using System.Runtime.InteropServices;
using EdgeImpulse.Generated.Npy;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>The reader's window onto an array's bytes: writes through it land in exactly that slice of the array.</summary>
[TestFixture]
public sealed class ElementBytesMemoryTests
{
    [Test]
    public void Span_IsExactlyTheSlicesBytes()
    {
        var array = new float[] { 1, 2, 3, 4 };
        var memory = new ElementBytesMemory<float>(array, 1, 2).Memory;

        BitConverter.GetBytes(7.5f).CopyTo(memory.Span);
        BitConverter.GetBytes(-1f).CopyTo(memory.Span[4..]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(memory.Length, Is.EqualTo(2 * sizeof(float)));
            Assert.That(array, Is.EqualTo(new float[] { 1, 7.5f, -1, 4 }));
        }
    }

    [Test]
    public unsafe void Pin_PointsAtTheSliceAndKeepsItWritable()
    {
        var array = new long[] { 10, 20, 30, 40 };
        var memory = new ElementBytesMemory<long>(array, 2, 2).Memory;

        using (var handle = memory[sizeof(long)..].Pin())
        {
            *(long*)handle.Pointer = 99;
        }

        using var whole = memory.Pin();
        Assert.That(*(long*)whole.Pointer, Is.EqualTo(30));
        Assert.That(array, Is.EqualTo(new long[] { 10, 20, 30, 99 }));
    }

    [Test]
    public void Pin_BeyondTheSlice_Throws()
    {
        var manager = new ElementBytesMemory<int>(new int[4], 0, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => manager.Pin(3 * sizeof(int)));
    }

    [Test]
    public void TryGetArray_IsNotOffered_SoNoCallerSeesAByteArray()
    {
        var memory = new ElementBytesMemory<float>(new float[2], 0, 2).Memory;

        Assert.That(MemoryMarshal.TryGetArray<byte>(memory, out _), Is.False);
    }
}
