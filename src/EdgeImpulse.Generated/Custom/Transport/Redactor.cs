// CUSTOM: the one place credentials are masked out of text the library shows (exception messages, excerpts, job
// failure reasons, log lines, trace tags). A server or proxy may echo a request header back in any form, so a
// secret is found exact, in any letter case, percent-encoded (either hex case, '+' for space, even double-encoded),
// JSON-escaped (\uXXXX) or any mixture of these, and text is always redacted whole before it is cut short.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace EdgeImpulse.Generated;

internal sealed class Redactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>A redactor that knows no secret (it still cuts text safely).</summary>
    public static readonly Redactor None = new([]);

    // The shortest tail of a cut text that is masked when it could be the start of a secret.
    private const int MinimumPartialLength = 3;

    private readonly string[] _secrets;
    private readonly Lazy<Regex?> _pattern;

    public Redactor(IEnumerable<string?> secrets)
    {
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal).ToArray();

        // Built on first use: most clients never redact anything (errors are rare), and DI creates many clients.
        _pattern = new Lazy<Regex?>(() => _secrets.Length == 0 ? null : new Regex(
            string.Join("|", _secrets.OrderByDescending(s => s.Length).Select(SecretPattern)),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    /// <summary>Gets a value indicating whether this redactor has any secret to mask.</summary>
    public bool HasSecrets => _secrets.Length > 0;

    /// <summary>Masks every occurrence of a secret, in any encoding this class knows, with <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _pattern.Value is { } pattern ? pattern.Replace(text, Mask) : text;
    }

    /// <summary>Redacts first, then cuts to at most <paramref name="maxLength"/> characters (plus an ellipsis).</summary>
    /// <remarks>
    /// The text given may itself have been cut by its producer (a bounded capture of a body); a tail that could be the
    /// start of a secret is masked too, so no part of a secret survives at either cut.
    /// </remarks>
    public string Excerpt(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = Redact(text);
        var truncated = redacted.Length > maxLength;
        var cut = MaskPartialTail(truncated ? redacted[..maxLength] : redacted);
        return truncated ? cut + "…" : cut;
    }

    /// <summary>Gets a value indicating whether <paramref name="text"/> contains a secret in any known encoding.</summary>
    public bool Contains(string? text) => text is not null && _pattern.Value is { } pattern && pattern.IsMatch(text);

    /// <summary>
    /// Returns <paramref name="exception"/> itself when none of its text (message, stack, data, inner exceptions) holds a
    /// secret; otherwise a stand-in that keeps its type name, redacted message, redacted stack trace and (recursively
    /// scrubbed) inner exception, so a cause can be kept as an inner exception without carrying a credential.
    /// </summary>
    public Exception? Scrub(Exception? exception)
    {
        if (exception is null || !HasSecrets || !Contains(Describe(exception)))
        {
            return exception;
        }

        return new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, Redact(exception.Message), Redact(exception.StackTrace ?? string.Empty), Scrub(exception.InnerException));
    }

    private static string Describe(Exception exception)
    {
        var text = new StringBuilder(exception.ToString());
        foreach (var entry in exception.Data.Keys.Cast<object>())
        {
            text.Append('\n').Append(entry).Append('=').Append(exception.Data[entry]);
        }

        if (exception is AggregateException aggregate)
        {
            foreach (var inner in aggregate.InnerExceptions)
            {
                text.Append('\n').Append(Describe(inner));
            }
        }

        return text.ToString();
    }

    // One alternation per character: itself (any case), its UTF-8 bytes percent-encoded ('%' possibly itself encoded
    // as %25, hex in either case), '+' for a space (form encoding), or a JSON \uXXXX escape.
    private static string SecretPattern(string secret)
    {
        var pattern = new StringBuilder();
        foreach (var rune in secret.EnumerateRunes())
        {
            var forms = new List<string> { Regex.Escape(rune.ToString()) };
            var bytes = new byte[rune.Utf8SequenceLength];
            rune.EncodeToUtf8(bytes);
            forms.Add(string.Concat(bytes.Select(b => "%(?:25)?" + b.ToString("X2", CultureInfo.InvariantCulture))));
            if (rune.Value == ' ')
            {
                forms.Add(@"\+");
            }

            forms.Add(string.Concat(rune.ToString().Select(c => @"\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture))));
            pattern.Append("(?:").Append(string.Join("|", forms)).Append(')');
        }

        return pattern.ToString();
    }

    private string MaskPartialTail(string text)
    {
        var longest = 0;
        foreach (var secret in _secrets)
        {
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret) })
            {
                for (var length = Math.Min(form.Length - 1, text.Length); length >= MinimumPartialLength && length > longest; length--)
                {
                    if (text.EndsWith(form[..length], StringComparison.OrdinalIgnoreCase))
                    {
                        longest = length;
                        break;
                    }
                }
            }
        }

        return longest == 0 ? text : text[..^longest] + Mask;
    }

    /// <summary>Stands in for an exception whose text held a credential; its message and stack trace are redacted.</summary>
    private sealed class RedactedException(string originalType, string message, string stackTrace, Exception? innerException)
        : Exception($"{originalType}: {message}", innerException)
    {
        public override string? StackTrace => stackTrace.Length == 0 ? null : stackTrace;
    }
}
