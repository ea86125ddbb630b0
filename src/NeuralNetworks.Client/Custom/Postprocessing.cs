// CUSTOM: the rule the service states and OpenAPI 3.0 cannot type: a post-processing object has exactly one of
// tensors_output or standard_output. Checked before a network is written (create), so a broken network is the
// caller's ArgumentException, not the server's 400.
using System;
using System.Collections.Generic;

namespace NeuralNetworks.Client;

/// <content>The exactly-one-output rule.</content>
public partial class Postprocessing
{
    /// <summary>Throws <see cref="ArgumentException"/> unless each post-processing has exactly one of its two outputs.</summary>
    internal static void ThrowIfInvalid(IEnumerable<Postprocessing>? postprocessings, string parameterName)
    {
        if (postprocessings is null)
        {
            return;
        }

        var index = 0;
        foreach (var postprocessing in postprocessings)
        {
            var given = (postprocessing?.TensorsOutput is null ? 0 : 1) + (postprocessing?.StandardOutput is null ? 0 : 1);
            if (given != 1)
            {
                throw new ArgumentException(
                    $"postprocessings[{index}] must have exactly one of tensors_output or standard_output; it has {(given == 0 ? "neither" : "both")}.",
                    parameterName);
            }

            index++;
        }
    }
}
