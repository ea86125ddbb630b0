using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>Element access on arrays NumPy wrote: C order, bounds checks, typed views and conversions.</summary>
[TestFixture]
public sealed class NpyArrayTests
{
    [Test]
    public async Task Indexer_AddressesElementsInCOrder()
    {
        var array = (await ReadAsync("float32-3d")).As<float>();
        var numpy = NumpyValues("float32-3d");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(array.Shape, Is.EqualTo(new[] { 2, 3, 4 }));
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 3; j++)
                {
                    for (var k = 0; k < 4; k++)
                    {
                        Assert.That(array[i, j, k], Is.EqualTo(numpy[(((i * 3) + j) * 4) + k]), $"[{i}, {j}, {k}]");
                    }
                }
            }
        }
    }

    [Test]
    public async Task Indexer_OnBigEndianData_ReadsMachineOrderValues()
    {
        var array = (await ReadAsync("float32-big-endian")).As<float>();

        Assert.That(new[] { array[0, 0], array[0, 1], array[1, 0], array[1, 1] }, Is.EqualTo(new[] { 1.5f, -2.25f, 3.0e-3f, 1.0e30f }));
    }

    [Test]
    public async Task GetSubarray_SelectsRowsAndBlocksWithoutCopying()
    {
        var features = (await ReadAsync("float32-2d")).As<float>();
        var cube = (await ReadAsync("uint8-3d")).As<byte>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(features.GetSubarray(1).ToArray(), Is.EqualTo(new[] { 0.46125f, 0.16187f, -1.32639f }));
            Assert.That(features.GetSubarray().Length, Is.EqualTo(12));
            Assert.That(features.GetSubarray(3, 2).ToArray(), Is.EqualTo(new[] { 1.0f }));
            Assert.That(cube.GetSubarray(1).ToArray(), Is.EqualTo(Enumerable.Range(12, 12).Select(v => (byte)(v * 11))));
            Assert.That(cube.GetSubarray(1, 2).ToArray(), Is.EqualTo(Enumerable.Range(20, 4).Select(v => (byte)(v * 11))));
            Assert.That(features.GetSubarray(2) == features.Span.Slice(6, 3), Is.True, "a view into the same memory");
        }
    }

    [TestCase(new[] { 4, 0 }, "Index 4 is out of range for axis 0 of size 4 (shape (4, 3))")]
    [TestCase(new[] { 0, 3 }, "Index 3 is out of range for axis 1 of size 3 (shape (4, 3))")]
    [TestCase(new[] { -1, 0 }, "Index -1 is out of range for axis 0")]
    public async Task Indexer_OutsideTheShape_Throws(int[] indices, string expected)
    {
        var features = (await ReadAsync("float32-2d")).As<float>();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = features[indices])!;

        Assert.That(error.Message, Does.Contain(expected));
    }

    [Test]
    public async Task Indexer_WithTheWrongNumberOfIndices_Throws()
    {
        var features = (await ReadAsync("float32-2d")).As<float>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => features[1], Throws.ArgumentException.With.Message.Contains("Got 1 indices for an array of shape (4, 3); expected 2."));
            Assert.That(() => features[1, 2, 0], Throws.ArgumentException.With.Message.Contains("Got 3 indices"));
            Assert.That(() => features.GetSubarray(1, 2, 0).Length, Throws.ArgumentException.With.Message.Contains("expected at most 2"));
            Assert.That(() => features.GetSubarray(4).Length, Throws.InstanceOf<ArgumentOutOfRangeException>());
        }
    }

    [Test]
    public async Task Scalar_HasNoDimensionsAndOneElement()
    {
        var scalar = (await ReadAsync("float64-scalar")).As<double>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scalar.Rank, Is.Zero);
            Assert.That(scalar.Shape, Is.Empty);
            Assert.That(scalar.Length, Is.EqualTo(1));
            Assert.That(scalar.Span[0], Is.EqualTo(2.718281828459045));
            Assert.That(scalar[[]], Is.EqualTo(2.718281828459045));
            Assert.That(scalar.ToString(), Is.EqualTo("float64 ('<f8') array of shape ()"));
        }
    }

    [Test]
    public async Task Empty_HasItsShapeButNoElements()
    {
        var empty = (await ReadAsync("float32-empty")).As<float>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(empty.Shape, Is.EqualTo(new[] { 0, 3 }));
            Assert.That(empty.Length, Is.Zero);
            Assert.That(empty.Span.IsEmpty, Is.True);
            Assert.That(empty.ToDoubleArray(), Is.Empty);
            Assert.That(() => empty[0, 0], Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("axis 0 of size 0"));
        }
    }

    [Test]
    public async Task As_OtherElementType_NamesBothTypes()
    {
        var labels = await ReadAsync("int32-labels");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(labels.As<int>().Span[0], Is.EqualTo(1));
            Assert.That(() => labels.As<long>(), Throws.InstanceOf<NpyFormatException>().With.Message.Contains("holds int32 ('<i4') elements (Int32), not Int64"));
        }
    }

    [Test]
    public async Task DescribesItself()
    {
        var features = await ReadAsync("float32-2d");
        var labels = await ReadAsync("int32-labels");
        var flags = await ReadAsync("bool");
        var bytes = await ReadAsync("uint8-3d");
        var halves = await ReadAsync("float16-big-endian");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(features.ToString(), Is.EqualTo("float32 ('<f4') array of shape (4, 3)"));
            Assert.That(labels.ToString(), Is.EqualTo("int32 ('<i4') array of shape (8,)"));
            Assert.That(flags.DType, Has.Property(nameof(NpyDType.Kind)).EqualTo(NpyTypeKind.Bool).And.Property(nameof(NpyDType.ByteOrder)).EqualTo(NpyByteOrder.NotApplicable));
            Assert.That(bytes.DType, Has.Property(nameof(NpyDType.Name)).EqualTo("uint8").And.Property(nameof(NpyDType.ItemSize)).EqualTo(1));
            Assert.That(halves.DType, Has.Property(nameof(NpyDType.Kind)).EqualTo(NpyTypeKind.Float).And.Property(nameof(NpyDType.ByteOrder)).EqualTo(NpyByteOrder.BigEndian));
            Assert.That(halves.ElementType, Is.EqualTo(typeof(Half)));
            Assert.That(labels.DType, Has.Property(nameof(NpyDType.Kind)).EqualTo(NpyTypeKind.SignedInteger).And.Property(nameof(NpyDType.ByteOrder)).EqualTo(NpyByteOrder.LittleEndian));
        }
    }

    [Test]
    public async Task ToArray_IsACopy()
    {
        var labels = (await ReadAsync("int32-labels")).As<int>();

        var copy = labels.ToArray();
        copy[0] = 99;

        Assert.That(labels.Span[0], Is.EqualTo(1));
    }

    [Test]
    public async Task Bool_NonCanonicalByte_ReadsAsCanonicalTrue()
    {
        // NumPy treats any non-zero byte as True; .NET needs exactly 1 for == true to hold.
        var bytes = NpyBytes.Header("{'descr': '|b1', 'fortran_order': False, 'shape': (3,), }", data: [0, 2, 255]);

        var flags = await NpyReader.ReadAsync<bool>(new MemoryStream(bytes));

        Assert.That(flags.Span.ToArray(), Is.EqualTo(new[] { false, true, true }));
        Assert.That(System.Runtime.InteropServices.MemoryMarshal.AsBytes(flags.Span).ToArray(), Is.EqualTo(new byte[] { 0, 1, 1 }));
    }

    private static async Task<NpyArray> ReadAsync(string name)
    {
        await using var file = File.OpenRead(NpyFixtures.FilePath(name));
        return await NpyReader.ReadAsync(file);
    }

    private static float[] NumpyValues(string name) =>
        JObject.Parse(TestPaths.ReadFixture($"Npy/{name}.expected.json"))["values"]!.Values<float>().ToArray();
}
