using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace EdgeImpulse.Generated.Recorder;

/// <summary>What a matched value becomes. Replacements keep the JSON type (a numeric user id stays a number).</summary>
internal enum Replacement
{
    Secret,
    Email,
    PersonName,
    Username,
    UserId,
    PhotoUrl,
}

/// <summary>How a rule's name is compared with a normalised property name (lower case, without '_' and '-').</summary>
internal enum NameMatch
{
    Exact,
    Suffix,
}

/// <summary>A property-name rule; <see cref="InUserObjectOnly"/> rules apply only to the direct properties of a user object.</summary>
internal sealed record PropertyRule(NameMatch Match, string Name, Replacement Replacement, bool InUserObjectOnly = false)
{
    public bool Matches(string normalizedName, bool inUserObject) =>
        (!InUserObjectOnly || inUserObject)
        && (Match == NameMatch.Exact ? normalizedName == Name : normalizedName.EndsWith(Name, System.StringComparison.Ordinal));
}

/// <summary>A value pattern, applied to every string (values, property names, text files) wherever it occurs.</summary>
internal sealed record ValueRule(string Description, Regex Pattern, string Replacement);

/// <summary>
/// Every sanitizing rule, in one place. The README's "Sanitizing rules" section describes this file; keep them in step.
/// </summary>
internal static partial class SanitizerRules
{
    public const string Redacted = "REDACTED";
    public const string Email = "user@example.com";
    public const string PersonName = "Example User";
    public const string Username = "example-user";
    public const long UserId = 1;
    public const string PhotoUrl = "https://example.com/user-photo.png";

    public static IReadOnlyList<string> Placeholders { get; } = [Redacted, Email, PersonName, Username, PhotoUrl];

    /// <summary>Rules by property name. Names are normalised: lower case, '_' and '-' removed (api_key, x-api-key, apiKey all become apikey).</summary>
    public static IReadOnlyList<PropertyRule> Properties { get; } =
    [
        new(NameMatch.Suffix, "apikey", Replacement.Secret),
        new(NameMatch.Suffix, "hmackey", Replacement.Secret),
        new(NameMatch.Suffix, "signaturekey", Replacement.Secret), // Sample.signatureKey: the key the sample was signed with
        new(NameMatch.Suffix, "privatekey", Replacement.Secret),
        new(NameMatch.Suffix, "token", Replacement.Secret),
        new(NameMatch.Suffix, "secret", Replacement.Secret),
        new(NameMatch.Suffix, "password", Replacement.Secret),
        new(NameMatch.Exact, "jwt", Replacement.Secret),
        new(NameMatch.Suffix, "email", Replacement.Email),
        new(NameMatch.Suffix, "ownername", Replacement.PersonName), // Sample.projectOwnerName
        new(NameMatch.Suffix, "fullname", Replacement.PersonName),
        new(NameMatch.Exact, "author", Replacement.PersonName), // TransferLearningModel.author of a personal block
        new(NameMatch.Suffix, "username", Replacement.Username),
        new(NameMatch.Suffix, "userid", Replacement.UserId),
        new(NameMatch.Suffix, "userids", Replacement.UserId),
        new(NameMatch.Exact, "jobnotificationuids", Replacement.UserId),
        new(NameMatch.Exact, "id", Replacement.UserId, InUserObjectOnly: true),
        new(NameMatch.Exact, "name", Replacement.PersonName, InUserObjectOnly: true),
        new(NameMatch.Exact, "displayname", Replacement.PersonName, InUserObjectOnly: true),
        new(NameMatch.Exact, "photo", Replacement.PhotoUrl, InUserObjectOnly: true),
        new(NameMatch.Suffix, "photourl", Replacement.PhotoUrl, InUserObjectOnly: true),
        new(NameMatch.Suffix, "avatar", Replacement.PhotoUrl, InUserObjectOnly: true),
        new(NameMatch.Suffix, "avatarurl", Replacement.PhotoUrl, InUserObjectOnly: true),
    ];

    /// <summary>
    /// Properties whose object value (or array of objects) describes a user: createdByUser, user, owner, lastUpdatedBy, ...
    /// Matched on the normalised name: exactly one of these, or ending in "user"/"users", or starting with "owner".
    /// </summary>
    public static IReadOnlySet<string> UserObjectNames { get; } = new HashSet<string>
    {
        "user", "users", "owner", "owners", "actor", "lastupdatedby", "createdby", "collaborators", "members",
    };

    /// <summary>Patterns caught in any string, whatever the property is called.</summary>
    public static IReadOnlyList<ValueRule> Values { get; } =
    [
        new("JWT (three base64url parts, the first starting eyJ)", JwtPattern(), Redacted),
        new("Edge Impulse API key (ei_ + hex)", ApiKeyPattern(), Redacted),
        new("HTTP bearer credential", BearerPattern(), "Bearer " + Redacted),
        new("email address", EmailPattern(), Email),
    ];

    /// <summary>Learned names shorter than this are not replaced in free text: too likely to hit ordinary words.</summary>
    public const int MinimumIdentityLength = 3;

    /// <summary>Learned user ids with fewer digits are not replaced in free text: too likely to hit ordinary numbers.</summary>
    public const int MinimumUserIdDigits = 4;

    public static string NormalizeName(string propertyName) =>
        propertyName.Replace("_", string.Empty, System.StringComparison.Ordinal).Replace("-", string.Empty, System.StringComparison.Ordinal).ToLowerInvariant();

    public static bool IsUserObjectName(string normalizedName) =>
        UserObjectNames.Contains(normalizedName)
        || normalizedName.EndsWith("user", System.StringComparison.Ordinal)
        || normalizedName.EndsWith("users", System.StringComparison.Ordinal)
        || normalizedName.StartsWith("owner", System.StringComparison.Ordinal);

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex JwtPattern();

    // Real keys are ei_ + 64 hex digits; take at least 16 and the rest of the token, so longer test keys go too.
    [GeneratedRegex(@"(?<![A-Za-z0-9])ei_[0-9a-fA-F]{16,}[A-Za-z0-9_]*")]
    private static partial Regex ApiKeyPattern();

    [GeneratedRegex(@"(?i)\bbearer\s+(?!REDACTED\b)[A-Za-z0-9._~+/-]+=*")]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();
}
