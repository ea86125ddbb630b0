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

/// <summary>What an object describes, decided by the name of the property holding it (see <see cref="SanitizerRules.ScopeOf"/>).</summary>
internal enum ObjectScope
{
    /// <summary>Any object: only the rules that apply anywhere.</summary>
    Any,

    /// <summary>A user (createdByUser, owner, members[*], ...): its id, name and photo are personal data.</summary>
    User,

    /// <summary>A credential entry (apiKeys[*], hmacKeys[*]): its key is a secret, whatever it looks like.</summary>
    Key,
}

/// <summary>A property-name rule; a rule with a <see cref="Scope"/> other than <see cref="ObjectScope.Any"/> applies only to the direct properties of such an object.</summary>
internal sealed record PropertyRule(NameMatch Match, string Name, Replacement Replacement, ObjectScope Scope = ObjectScope.Any)
{
    public bool Matches(string normalizedName, ObjectScope scope) =>
        (Scope == ObjectScope.Any || Scope == scope)
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
        new(NameMatch.Suffix, "authorization", Replacement.Secret), // a header echoed as JSON: Authorization, Proxy-Authorization
        new(NameMatch.Suffix, "cookie", Replacement.Secret), // Cookie, Set-Cookie
        new(NameMatch.Exact, "cookies", Replacement.Secret),
        new(NameMatch.Suffix, "apikeys", Replacement.Secret), // a list of keys as strings (a list of key objects: ObjectScope.Key)
        new(NameMatch.Exact, "key", Replacement.Secret, ObjectScope.Key), // apiKeys[*].key, whatever its shape
        new(NameMatch.Suffix, "email", Replacement.Email),
        new(NameMatch.Suffix, "ownername", Replacement.PersonName), // Sample.projectOwnerName
        new(NameMatch.Suffix, "fullname", Replacement.PersonName),
        new(NameMatch.Exact, "author", Replacement.PersonName), // TransferLearningModel.author of a personal block
        new(NameMatch.Suffix, "username", Replacement.Username),
        new(NameMatch.Suffix, "userid", Replacement.UserId),
        new(NameMatch.Suffix, "userids", Replacement.UserId),
        new(NameMatch.Exact, "jobnotificationuids", Replacement.UserId),
        new(NameMatch.Suffix, "ownerid", Replacement.UserId), // ownerId, projectOwnerId: the owning user's (or organization's) id
        new(NameMatch.Suffix, "ownerids", Replacement.UserId),
        new(NameMatch.Exact, "id", Replacement.UserId, ObjectScope.User),
        new(NameMatch.Exact, "name", Replacement.PersonName, ObjectScope.User),
        new(NameMatch.Exact, "displayname", Replacement.PersonName, ObjectScope.User),
        new(NameMatch.Exact, "photo", Replacement.PhotoUrl, ObjectScope.User),
        new(NameMatch.Suffix, "photourl", Replacement.PhotoUrl, ObjectScope.User),
        new(NameMatch.Suffix, "avatar", Replacement.PhotoUrl, ObjectScope.User),
        new(NameMatch.Suffix, "avatarurl", Replacement.PhotoUrl, ObjectScope.User),
    ];

    /// <summary>
    /// Properties whose object value (or array of objects) describes a user: createdByUser, user, owner, lastUpdatedBy, ...
    /// Matched on the normalised name: exactly one of these, or ending in "user"/"users", or starting with "owner".
    /// </summary>
    public static IReadOnlySet<string> UserObjectNames { get; } = new HashSet<string>
    {
        "user", "users", "owner", "owners", "actor", "lastupdatedby", "createdby", "collaborators", "members",
    };

    /// <summary>Patterns caught in any string, whatever the property is called, applied in this order.</summary>
    public static IReadOnlyList<ValueRule> Values { get; } =
    [
        // First: the email rule would otherwise read "pass@host.com" as an address and keep the user name.
        new("credentials in a URL (scheme://user:password@host): the userinfo is removed", UrlUserInfoPattern(), "$1"),
        new("JWT (three base64url parts, the first starting eyJ)", JwtPattern(), Redacted),
        new("Edge Impulse API key (ei_ + hex)", ApiKeyPattern(), Redacted),
        new("HTTP bearer credential", BearerPattern(), "Bearer " + Redacted),
        new("HTTP basic credential after Authorization: or Authorization=", BasicAuthorizationPattern(), "$1" + Redacted),
        new("a Cookie: or Set-Cookie: header line: the rest of the line", CookieHeaderPattern(), "$1" + Redacted),
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

    /// <summary>Properties whose object value (or array of objects) is a list of credentials: apiKeys, projectApiKeys, hmacKeys.</summary>
    public static bool IsKeyObjectName(string normalizedName) =>
        normalizedName.EndsWith("apikeys", System.StringComparison.Ordinal)
        || normalizedName.EndsWith("hmackeys", System.StringComparison.Ordinal);

    /// <summary>What the objects under a property of this (normalised) name describe.</summary>
    public static ObjectScope ScopeOf(string normalizedName) =>
        IsUserObjectName(normalizedName) ? ObjectScope.User
        : IsKeyObjectName(normalizedName) ? ObjectScope.Key
        : ObjectScope.Any;

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")]
    private static partial Regex JwtPattern();

    // Real keys are ei_ + 64 hex digits; take at least 16 and the rest of the token, so longer test keys go too.
    [GeneratedRegex(@"(?<![A-Za-z0-9])ei_[0-9a-fA-F]{16,}[A-Za-z0-9_]*")]
    private static partial Regex ApiKeyPattern();

    [GeneratedRegex(@"(?i)\bbearer\s+(?!REDACTED\b)[A-Za-z0-9._~+/-]+=*")]
    private static partial Regex BearerPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    // Only userinfo with a password (user:password@): a bare user@ after :// is as often a git user as a secret.
    [GeneratedRegex(@"(?i)\b([a-z][a-z0-9+.-]*://)[^/?#@\s:]*:[^/?#@\s]*@")]
    private static partial Regex UrlUserInfoPattern();

    // "Basic" alone is an ordinary word ("Basic features"), so only after an Authorization header name.
    [GeneratedRegex(@"(?i)(\bauthorization[""']?\s*[:=]\s*[""']?basic\s+)(?!REDACTED\b)[A-Za-z0-9+/._~-]+=*")]
    private static partial Regex BasicAuthorizationPattern();

    [GeneratedRegex(@"(?im)(\b(?:set-)?cookie[""']?\s*:\s*)[^\r\n]+")]
    private static partial Regex CookieHeaderPattern();
}
