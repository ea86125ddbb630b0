// CUSTOM: what the shared runtime must know about the one service a client talks to, and nothing else: where it is,
// how a credential goes on the wire, and how its error bodies look. Each client supplies one (ClientService.Profile;
// for Edge Impulse: Custom/EdgeImpulseService.cs), so the transport names no service.
using System;
using System.Collections.Generic;

namespace EdgeImpulse.Generated;

/// <summary>One service's specifics, as the transport reads them.</summary>
/// <param name="DefaultBaseUrl">The service's public address; every operation path is relative to it.</param>
/// <param name="ApiKey">How the options' <c>ApiKey</c> is sent.</param>
/// <param name="JwtToken">How the options' <c>JwtToken</c> is sent.</param>
/// <param name="Envelope">Where a body says that a call failed, and why.</param>
/// <param name="ObjectResponsesOnly">
/// Whether every JSON answer is an object, so any other top-level value is refused before deserializing. When false,
/// the operation's result type decides (a top-level array reads into a list).
/// </param>
internal sealed record ServiceProfile(Uri DefaultBaseUrl, CredentialHeader ApiKey, CredentialHeader JwtToken, ErrorEnvelope Envelope, bool ObjectResponsesOnly);

/// <summary>A credential's header: <c>x-api-key: KEY</c> (no scheme) or <c>Authorization: Token KEY</c> (scheme <c>Token</c>).</summary>
/// <param name="Name">The header's name.</param>
/// <param name="Scheme">The word before the credential (<c>Token</c>, <c>Bearer</c>), or null to send the credential alone.</param>
internal sealed record CredentialHeader(string Name, string? Scheme = null)
{
    /// <summary>Gets the header value that carries <paramref name="credential"/>.</summary>
    public string ValueFor(string credential) => Scheme is null ? credential : $"{Scheme} {credential}";
}

/// <summary>
/// Where a JSON body reports failure. With a <see cref="SuccessMember"/> (Edge Impulse's <c>success</c>/<c>error</c>),
/// the body decides even under HTTP 200: only <c>"success": true</c> is success, and an error text without it is a
/// failure. Without one, the HTTP status alone decides, and an error body's text is read from the first of
/// <see cref="ErrorTextMembers"/> that holds a string (e.g. <c>{"detail": "Not found."}</c>).
/// </summary>
/// <param name="SuccessMember">The top-level boolean that says whether the call succeeded, or null when the status says it.</param>
/// <param name="ErrorTextMembers">The top-level members that may carry the error text, in order of preference.</param>
internal sealed record ErrorEnvelope(string? SuccessMember, IReadOnlyList<string> ErrorTextMembers)
{
    /// <summary>Gets a value indicating whether a successful status's body can still report a failure.</summary>
    public bool DecidesSuccess => SuccessMember is not null;

    /// <summary>Gets the index of <paramref name="member"/> in <see cref="ErrorTextMembers"/>, or -1.</summary>
    public int ErrorTextRank(string member)
    {
        for (var i = 0; i < ErrorTextMembers.Count; i++)
        {
            if (string.Equals(ErrorTextMembers[i], member, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
