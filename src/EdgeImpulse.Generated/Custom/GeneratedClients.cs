// CUSTOM: the list of generated area clients, joined by rule. Client.Class.liquid gives every generated client a
// property on EdgeImpulseClient and one GeneratedClient entry here (a template renders one client at a time, so it
// cannot write the list itself); this file collects those entries once, for the operations table (ApiOperation) and
// the dependency injection registrations.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace EdgeImpulse.Generated;

/// <summary>One generated area client: its interface, how the facade exposes it, and its operations.</summary>
/// <param name="Interface">The client's interface, e.g. <c>IDspClient</c>.</param>
/// <param name="Get">Reads the client from a facade (<c>client =&gt; client.Dsp</c>).</param>
/// <param name="Operations">The client's operations table.</param>
internal sealed record GeneratedClient(Type Interface, Func<EdgeImpulseClient, object> Get, IReadOnlyList<ApiOperation> Operations);

/// <summary>Every generated area client (one static <see cref="GeneratedClient"/> property each, written by the template).</summary>
internal static partial class GeneratedClients
{
    private static readonly Lazy<IReadOnlyList<GeneratedClient>> Entries = new(() =>
        typeof(GeneratedClients).GetProperties(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(property => property.PropertyType == typeof(GeneratedClient))
            .OrderBy(property => property.Name, StringComparer.Ordinal)
            .Select(property => (GeneratedClient)property.GetValue(null)!)
            .ToArray());

    /// <summary>Gets every generated area client, in name order.</summary>
    public static IReadOnlyList<GeneratedClient> All => Entries.Value;
}
