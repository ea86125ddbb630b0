using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using EdgeImpulse.Generated.Npy;
using EdgeImpulse.Generated.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace EdgeImpulse.Generated.Tests.Custom.Npy;

/// <summary>
/// The .npy fixtures NumPy wrote (Fixtures/Npy/make_fixtures.py), and what NumPy read back from each
/// (<c>name.expected.json</c>), so the reader is checked against NumPy itself.
/// </summary>
internal static class NpyFixtures
{
    public const string ErrorPrefix = "error.";

    // The .NET type each NumPy dtype must come back as, written out independently of the library's table.
    private static readonly Dictionary<string, Type> ElementTypes = new(StringComparer.Ordinal)
    {
        ["b1"] = typeof(bool),
        ["i1"] = typeof(sbyte),
        ["u1"] = typeof(byte),
        ["i2"] = typeof(short),
        ["u2"] = typeof(ushort),
        ["f2"] = typeof(Half),
        ["i4"] = typeof(int),
        ["u4"] = typeof(uint),
        ["f4"] = typeof(float),
        ["i8"] = typeof(long),
        ["u8"] = typeof(ulong),
        ["f8"] = typeof(double),
    };

    public static string Folder => Path.Combine(TestPaths.Fixtures, "Npy");

    /// <summary>Gets the names of the arrays NumPy wrote and read back; throws when there are none, so an empty folder fails.</summary>
    public static IReadOnlyList<string> Readable()
    {
        var names = Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*.npy").Select(Path.GetFileNameWithoutExtension).OfType<string>()
                .Where(name => !name.StartsWith(ErrorPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count > 0 ? names : throw new InvalidOperationException($"No .npy fixtures in {Folder}; the test output lost them.");
    }

    public static IReadOnlyList<string> Errors() =>
        Directory.EnumerateFiles(Folder, ErrorPrefix + "*.npy").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static string FilePath(string name) => TestPaths.Fixture($"Npy/{name}.npy");

    public static byte[] Bytes(string name) => File.ReadAllBytes(FilePath(name));

    public static Type ElementTypeOf(string descr) => ElementTypes[descr[1..]];

    /// <summary>Asserts that the array is what NumPy read from the fixture: dtype, shape, version and every value.</summary>
    public static void AssertMatchesNumpy(NpyArray array, string name)
    {
        var expected = JObject.Parse(TestPaths.ReadFixture($"Npy/{name}.expected.json"));
        var descr = (string)expected["descr"]!;
        var shape = expected["shape"]!.Values<int>().ToArray();
        var version = expected["version"]!.Values<int>().ToArray();
        var values = (JArray)expected["values"]!;
        var elements = Elements(array);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((bool)expected["fortran_order"]!, Is.False, "readable fixtures are C order");
            Assert.That(array.DType.Descr, Is.EqualTo(descr));
            Assert.That(array.ElementType, Is.EqualTo(ElementTypeOf(descr)));
            Assert.That(array.Shape, Is.EqualTo(shape));
            Assert.That(array.Rank, Is.EqualTo(shape.Length));
            Assert.That(array.FormatVersion, Is.EqualTo(new Version(version[0], version[1])));
            Assert.That(array.Length, Is.EqualTo(values.Count));
            Assert.That(elements, Has.Count.EqualTo(values.Count));
            var mismatches = elements.Zip(values, (actual, numpy) => (Actual: actual, Numpy: numpy))
                .Select((pair, index) => (pair.Actual, pair.Numpy, Index: index))
                .Where(e => !SameValue(e.Actual, e.Numpy))
                .Select(e => $"[{e.Index}] {Format(e.Actual)} but NumPy read {e.Numpy.ToString(Newtonsoft.Json.Formatting.None)}")
                .ToList();
            Assert.That(mismatches, Is.Empty, $"{name}: values differ from NumPy's");
        }
    }

    /// <summary>Whether a double read by the library is the one NumPy wrote to JSON: bit for bit (so -0.0 is not 0.0), any NaN for NaN.</summary>
    public static bool SameDouble(double actual, double expected) => double.IsNaN(expected) ? double.IsNaN(actual) : BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected);

    // The typed elements, boxed, via the public ToArray of whichever NpyArray<T> it is.
    private static List<object> Elements(NpyArray array) =>
        ((Array)array.GetType().GetMethod(nameof(NpyArray<int>.ToArray))!.Invoke(array, null)!).Cast<object>().ToList();

    private static bool SameValue(object actual, JToken numpy) => actual switch
    {
        bool flag => numpy.Type == JTokenType.Boolean && (bool)numpy == flag,
        Half half => SameDouble((double)half, (double)numpy),
        float single => SameDouble(single, (double)numpy),
        double value => SameDouble(value, (double)numpy),
        // Integers compare as exact decimal text, so 64-bit extremes are not rounded through double.
        _ => numpy.Type == JTokenType.Integer && Format(actual) == numpy.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static string Format(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
