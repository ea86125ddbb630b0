using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using EdgeImpulse.Generated.Npy;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>Every .npy fixture NumPy wrote reads back as NumPy read it, however the bytes arrive.</summary>
[TestFixture]
public sealed class NpyReaderFixtureTests
{
    public static IEnumerable<TestCaseData> Readable() =>
        NpyFixtures.Readable().Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [Test]
    public void Fixtures_CoverTheDtypesShapesByteOrdersAndVersions()
    {
        string[] required =
        [
            "float32-2d", "float64-special", "int32-labels", "int64", "uint8-3d", "int8", "int16", "uint16", "uint32", "uint64",
            "bool", "float16", "float32-3d", "float32-big-endian", "int64-big-endian", "float64-big-endian", "uint16-big-endian",
            "float16-big-endian", "float64-scalar", "float32-empty", "float32-1d", "float32-v2", "int16-v3",
        ];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(NpyFixtures.Readable(), Is.SupersetOf(required));
            Assert.That(Directory.EnumerateFiles(NpyFixtures.Folder, "*.expected.json").Count(), Is.EqualTo(NpyFixtures.Readable().Count), "each readable fixture has NumPy's reading beside it");
        }
    }

    [TestCaseSource(nameof(Readable))]
    public async Task ReadAsync_FromFile_MatchesNumpy(string name)
    {
        await using var file = File.OpenRead(NpyFixtures.FilePath(name));

        var array = await NpyReader.ReadAsync(file, CancellationToken.None);

        NpyFixtures.AssertMatchesNumpy(array, name);
        Assert.That(file.Position, Is.EqualTo(file.Length), "the whole file is consumed");
    }

    [TestCaseSource(nameof(Readable))]
    public async Task ReadAsync_FromTrickleStream_MatchesNumpy(string name)
    {
        var bytes = NpyFixtures.Bytes(name);
        await using var trickle = new TrickleStream(bytes);

        var array = await NpyReader.ReadAsync(trickle);

        NpyFixtures.AssertMatchesNumpy(array, name);
        Assert.That(trickle.Delivered, Is.EqualTo(bytes.Length));
    }

    [TestCaseSource(nameof(Readable))]
    public async Task ReadAsync_InChunksSmallerThanTheData_MatchesNumpy(string name)
    {
        // 12-byte chunks: several per array, items never split, a short last chunk, and big-endian swaps per chunk.
        await using var trickle = new TrickleStream(NpyFixtures.Bytes(name));

        var array = await NpyReader.ReadAsync(trickle, new NpyReadSettings { ChunkBytes = 12 }, CancellationToken.None);

        NpyFixtures.AssertMatchesNumpy(array, name);
    }

    [TestCaseSource(nameof(Readable))]
    public async Task ReadAsyncOfT_WithTheHeadersType_MatchesNumpy(string name)
    {
        var descr = (string)JObject.Parse(File.ReadAllText(Path.Combine(NpyFixtures.Folder, name + ".expected.json")))["descr"]!;
        var elementType = NpyFixtures.ElementTypeOf(descr);
        await using var file = File.OpenRead(NpyFixtures.FilePath(name));

        // ReadAsync<T> for the T NumPy's dtype calls for, chosen at run time.
        var read = typeof(NpyReader).GetMethods().Single(m => m.Name == nameof(NpyReader.ReadAsync) && m.IsGenericMethod).MakeGenericMethod(elementType);
        var task = (Task)read.Invoke(null, [file, CancellationToken.None])!;
        await task;
        var array = (NpyArray)task.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(task)!;

        Assert.That(array.GetType(), Is.EqualTo(typeof(NpyArray<>).MakeGenericType(elementType)));
        NpyFixtures.AssertMatchesNumpy(array, name);
    }

    [TestCaseSource(nameof(Readable))]
    public async Task ToDoubleArray_MatchesNumpy(string name)
    {
        await using var file = File.OpenRead(NpyFixtures.FilePath(name));
        var array = await NpyReader.ReadAsync(file);
        var numpy = (JArray)JObject.Parse(File.ReadAllText(Path.Combine(NpyFixtures.Folder, name + ".expected.json")))["values"]!;

        var doubles = array.ToDoubleArray();

        // What Python's float() gives for each value NumPy read: exact, except 64-bit integers beyond 2^53, rounded to
        // nearest from their decimal text (Newtonsoft's own BigInteger-to-double conversion is not correctly rounded).
        var expected = numpy.Select(v => v.Type switch
        {
            JTokenType.Boolean => (bool)v ? 1.0 : 0.0,
            JTokenType.Integer => double.Parse(v.ToString(Formatting.None), CultureInfo.InvariantCulture),
            _ => (double)v,
        }).ToArray();
        Assert.That(doubles.Zip(expected).Where(p => !NpyFixtures.SameDouble(p.First, p.Second)), Is.Empty);
        Assert.That(doubles, Has.Length.EqualTo(expected.Length));
    }
}
