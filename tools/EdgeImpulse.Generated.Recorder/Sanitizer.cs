using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated.Recorder;

/// <summary>
/// Scrubs secrets and personal data from recorded responses by the explicit rules in <see cref="SanitizerRules"/>.
/// </summary>
/// <remarks>
/// Three layers, each applied to every document: property-name rules (a secret or a user's name, by where it is);
/// value patterns (JWTs, API keys, emails, wherever they are, including property names and longer strings); and
/// the secrets the recorder was given plus the identities learned from user objects (<see cref="LearnIdentities"/>),
/// replaced as whole words anywhere, so a user name copied into sample metadata or a log line goes too.
/// Every replacement is a fixed placeholder, so the output is stable and sanitizing twice changes nothing.
/// </remarks>
internal sealed class Sanitizer
{
    private readonly List<string> _secrets;
    private readonly Dictionary<string, string> _identities = new(StringComparer.OrdinalIgnoreCase);
    private Regex? _identityPattern;

    /// <summary>Creates a sanitizer that also replaces <paramref name="knownSecrets"/> (the key or JWT the recorder was given).</summary>
    /// <param name="knownSecrets">Secrets of any shape; each is also replaced URL-encoded, and in any letter case.</param>
    public Sanitizer(IEnumerable<string>? knownSecrets = null) =>
        _secrets = (knownSecrets ?? [])
            .Where(s => !string.IsNullOrEmpty(s))
            .SelectMany(s => new[] { s, Uri.EscapeDataString(s), WebUtility.UrlEncode(s) })
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(s => s.Length)
            .ToList();

    /// <summary>Gets the learned identities and their placeholders (for tests and the recorder's summary; they are personal data, never print them).</summary>
    public IReadOnlyDictionary<string, string> Identities => _identities;

    private static string UserIdText { get; } = SanitizerRules.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Remembers the names and user ids the property rules find, to scrub them from free text in every document.</summary>
    public void LearnIdentities(JToken document)
    {
        Walk(document, ObjectScope.Any, (value, replacement) =>
        {
            if (value.Type is not (JTokenType.String or JTokenType.Integer) || ((string?)value)?.Trim() is not { } text)
            {
                return;
            }

            var placeholder = replacement switch
            {
                Replacement.PersonName or Replacement.Username when value.Type == JTokenType.String
                    && text.Length >= SanitizerRules.MinimumIdentityLength && !IsPartOfAPlaceholder(text) => Placeholder(replacement),
                Replacement.UserId when text.Length >= SanitizerRules.MinimumUserIdDigits && text.All(char.IsAsciiDigit) => UserIdText,
                _ => null,
            };
            if (placeholder is not null && _identities.TryAdd(text, placeholder))
            {
                _identityPattern = null;
            }
        });
    }

    /// <summary>Returns a sanitized copy of <paramref name="document"/> (the input is left as it is).</summary>
    public JToken Sanitize(JToken document)
    {
        // SanitizeToken builds a new tree, so the input is never modified.
        return SanitizeToken(document, ObjectScope.Any);
    }

    /// <summary>Applies the value patterns, the known secrets and the learned identities to a string.</summary>
    public string SanitizeText(string text)
    {
        foreach (var secret in _secrets)
        {
            // Any case: a server may echo a key lower-cased, or percent-encoded with lower-case hex digits.
            text = text.Replace(secret, SanitizerRules.Redacted, StringComparison.OrdinalIgnoreCase);
        }

        foreach (var rule in SanitizerRules.Values)
        {
            text = rule.Pattern.Replace(text, rule.Replacement);
        }

        if (_identities.Count > 0)
        {
            _identityPattern ??= BuildIdentityPattern();
            text = _identityPattern.Replace(text, m => _identities.TryGetValue(m.Value, out var placeholder) ? placeholder : SanitizerRules.PersonName);
        }

        return text;
    }

    // A name such as "User" or "example" is a word of a placeholder: replacing it would change the output on every pass.
    private static bool IsPartOfAPlaceholder(string identity) =>
        WholeWords([identity]).IsMatch(string.Join(" ", SanitizerRules.Placeholders));

    private static Regex WholeWords(IEnumerable<string> words) =>
        new(
            $"(?<![\\p{{L}}\\p{{N}}_])(?:{string.Join("|", words.Select(Regex.Escape))})(?![\\p{{L}}\\p{{N}}_])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string Placeholder(Replacement replacement) => replacement switch
    {
        Replacement.Secret => SanitizerRules.Redacted,
        Replacement.Email => SanitizerRules.Email,
        Replacement.PersonName => SanitizerRules.PersonName,
        Replacement.Username => SanitizerRules.Username,
        Replacement.PhotoUrl => SanitizerRules.PhotoUrl,
        _ => throw new ArgumentOutOfRangeException(nameof(replacement), replacement, "not a string placeholder"),
    };

    private static PropertyRule? RuleFor(string propertyName, ObjectScope scope)
    {
        var normalized = SanitizerRules.NormalizeName(propertyName);
        return SanitizerRules.Properties.FirstOrDefault(r => r.Matches(normalized, scope));
    }

    // The scope of the object (or array of objects) under a property; a scalar's scope does not matter.
    private static ObjectScope ScopeOf(string propertyName, JToken value) =>
        value.Type == JTokenType.Object || (value is JArray array && array.Any(i => i.Type == JTokenType.Object))
            ? SanitizerRules.ScopeOf(SanitizerRules.NormalizeName(propertyName))
            : ObjectScope.Any;

    private static JToken Replace(JValue value, Replacement replacement)
    {
        if (replacement == Replacement.UserId)
        {
            return value.Type switch
            {
                JTokenType.Integer or JTokenType.Float => new JValue(SanitizerRules.UserId),
                JTokenType.String => new JValue(UserIdText),
                _ => value,
            };
        }

        // Secrets and names are strings; a number or null under such a name is not one (e.g. a token count).
        return value.Type == JTokenType.String ? new JValue(Placeholder(replacement)) : value;
    }

    // Visits the values a property rule selects (for learning), with the same scoping as sanitizing.
    private static void Walk(JToken token, ObjectScope scope, Action<JValue, Replacement> visit)
    {
        switch (token)
        {
            case JObject obj:
                foreach (var property in obj.Properties())
                {
                    if (RuleFor(property.Name, scope) is { } rule)
                    {
                        foreach (var value in property.Value is JArray items ? items.OfType<JValue>() : property.Value is JValue single ? [single] : [])
                        {
                            visit(value, rule.Replacement);
                        }
                    }

                    Walk(property.Value, ScopeOf(property.Name, property.Value), visit);
                }

                break;
            case JArray array:
                foreach (var item in array)
                {
                    Walk(item, scope, visit);
                }

                break;
        }
    }

    private JToken SanitizeToken(JToken token, ObjectScope scope)
    {
        switch (token)
        {
            case JObject obj:
                var result = new JObject();
                foreach (var property in obj.Properties())
                {
                    var value = property.Value;
                    if (RuleFor(property.Name, scope) is { } rule)
                    {
                        value = value switch
                        {
                            JValue scalar => Replace(scalar, rule.Replacement),
                            JArray items => new JArray(items.Select(i => i is JValue scalar ? Replace(scalar, rule.Replacement) : i)),
                            _ => value,
                        };
                    }

                    var sanitized = SanitizeToken(value, ScopeOf(property.Name, property.Value));
                    result.Add(UniqueName(result, SanitizeText(property.Name)), sanitized);
                }

                return result;
            case JArray array:
                return new JArray(array.Select(item => SanitizeToken(item, scope)));
            case JValue { Type: JTokenType.String } text:
                return new JValue(SanitizeText((string)text!));
            default:
                return token.DeepClone();
        }
    }

    // Two property names that differ only by a secret would collide once scrubbed; keep both values.
    private static string UniqueName(JObject target, string name)
    {
        var candidate = name;
        for (var n = 2; target.ContainsKey(candidate); n++)
        {
            candidate = $"{name} ({n})";
        }

        return candidate;
    }

    private Regex BuildIdentityPattern()
    {
        // Longest first, so "Maya Lindqvist" wins over a learned "Maya"; whole words only, so "ann" leaves "annotation" alone.
        return WholeWords(_identities.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal));
    }
}
