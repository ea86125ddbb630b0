// The canned bodies the loopback server sends: recorded fixtures, a long getKeras synthesized from the recorded one,
// and a float32 .npy. All deterministic, so every run (and every competitor) reads identical bytes.
using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Benchmarks.Server;

internal static class Payloads
{
    /// <summary>Gets the size the long getKeras body grows to (at least): about 400 KB, as in issue 8.</summary>
    public const int LongKerasBytes = 400 * 1024;

    public static byte[] Fixture(string name)
    {
        using var stream = typeof(Payloads).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Fixture {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// The recorded getKeras answer with a long transfer-learning model list: the recorded model repeated with varied
    /// names, ids, descriptions, defaults and parameter values (as a project with many organization blocks sees),
    /// until the compact JSON reaches <see cref="LongKerasBytes"/>.
    /// </summary>
    public static byte[] LongKeras()
    {
        var keras = JObject.Parse(Encoding.UTF8.GetString(Fixture("getKeras.success.json")));
        var models = (JArray)keras["transferLearningModels"]!;
        var template = (JObject)models[0];
        models.Clear();
        var categories = new[] { "classical", "tao", "developer-preview" };
        for (var i = 0; Encoding.UTF8.GetByteCount(keras.ToString(Formatting.None)) < LongKerasBytes; i++)
        {
            var model = (JObject)template.DeepClone();
            model["name"] = $"{template["name"]} #{i + 1}";
            model["shortName"] = $"{template["shortName"]} v{i + 1}";
            model["abbreviatedName"] = $"{template["abbreviatedName"]}-{i + 1}";
            model["description"] = $"{template["description"]} Variant {i + 1}: {(i % 3) + 1} residual stages, {16 << (i % 4)} filters.";
            model["organizationModelId"] = 1204 + i;
            model["implementationVersion"] = 1 + (i % 3);
            model["defaultLearningRate"] = 0.001 * (1 + (i % 5));
            model["defaultTrainingCycles"] = 30 + (10 * (i % 4));
            model["defaultDropout"] = 0.05 * (1 + (i % 4));
            model["displayCategory"] = categories[i % categories.Length];
            model["repositoryUrl"] = $"https://github.com/example-user/ei-block-{i + 1}";
            foreach (var parameter in (JArray)model["customParameters"]!)
            {
                if (parameter["type"]?.ToString() == "int")
                {
                    parameter["value"] = ((i % 4) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            models.Add(model);
        }

        return Encoding.UTF8.GetBytes(keras.ToString(Formatting.None));
    }

    /// <summary>A version 1.0 little-endian float32 .npy of shape (rows, columns), C order, with varied values.</summary>
    public static byte[] Float32Npy(int rows, int columns)
    {
        var header = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({rows}, {columns}), }}";
        // magic + version + u16 length + header, padded with spaces and a newline to a multiple of 64 (numpy.lib.format).
        var headerLength = ((10 + header.Length + 1 + 63) / 64 * 64) - 10;
        header = header.PadRight(headerLength - 1) + "\n";
        var dataBytes = (long)rows * columns * sizeof(float);
        var npy = GC.AllocateUninitializedArray<byte>(checked((int)(10 + headerLength + dataBytes)));
        npy[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", npy.AsSpan(1));
        npy[6] = 1;
        npy[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(npy.AsSpan(8), (ushort)headerLength);
        Encoding.Latin1.GetBytes(header, npy.AsSpan(10));
        var data = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(npy.AsSpan(10 + headerLength));
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (i % 1021) * 0.25f - 100f;
        }

        return npy;
    }
}
