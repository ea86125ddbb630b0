// CUSTOM: the .npy header dict ({'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }), read by a strict parser
// for exactly the Python literals NumPy writes there (not a general Python parser).
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace EdgeImpulse.Generated.Npy;

/// <summary>What a <c>.npy</c> header says about the data that follows it.</summary>
/// <param name="Version">The format version from the preamble.</param>
/// <param name="DType">The element type.</param>
/// <param name="Shape">The dimensions, outermost first.</param>
/// <param name="Length">The number of elements.</param>
/// <param name="HeaderBytes">The bytes before the data: magic, version, header length and header.</param>
internal sealed record NpyHeader(Version Version, NpyDType DType, int[] Shape, int Length, long HeaderBytes)
{
    private static readonly string[] Keys = ["descr", "fortran_order", "shape"];

    /// <summary>Gets the number of data bytes the header promises.</summary>
    public long DataBytes => (long)Length * DType.ItemSize;

    /// <summary>Gets the header described for messages, e.g. <c>float32 ('&lt;f4') array of shape (4, 3)</c>.</summary>
    public string Description => NpyArray.Describe(DType, Shape);

    public static NpyHeader Parse(string text, Version version, long headerBytes)
    {
        var entries = new LiteralParser(text).ParseHeaderDict();
        var missing = Keys.Where(key => !entries.ContainsKey(key)).ToList();
        var unexpected = entries.Keys.Where(key => !Keys.Contains(key)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var problems = missing.Select(key => $"no '{key}'").Concat(unexpected.Select(key => $"an unexpected '{Excerpt(key)}'"));
            throw Malformed(text, $"it must have exactly the keys 'descr', 'fortran_order' and 'shape', but has {string.Join(" and ", problems)}");
        }

        var dtype = entries["descr"] switch
        {
            string descr => NpyDType.Parse(descr),
            LiteralList => throw new NpyFormatException($"Unsupported dtype: the array is structured (its 'descr' is a list of fields: {Excerpt(text)}). Only plain numeric dtypes are supported."),
            LiteralTuple => throw new NpyFormatException($"Unsupported dtype: the array has a sub-array dtype ({Excerpt(text)}). Only plain numeric dtypes are supported."),
            _ => throw Malformed(text, "'descr' must be a string such as '<f4'"),
        };

        if (entries["fortran_order"] is not bool fortranOrder)
        {
            throw Malformed(text, "'fortran_order' must be True or False");
        }

        if (fortranOrder)
        {
            throw new NpyFormatException("Unsupported .npy array: 'fortran_order' is True (column-major data), which is not supported; save it in C order (np.ascontiguousarray) instead.");
        }

        var shape = ReadShape(entries["shape"], text);
        // An empty dimension makes the array empty, whatever the others are.
        var length = shape.Contains(0) ? 0L : 1L;
        for (var axis = 0; axis < shape.Length && length != 0; axis++)
        {
            // Each factor is at most int.MaxValue and the product so far at most Array.MaxLength: no long overflow.
            length *= shape[axis];
            if (length > Array.MaxLength)
            {
                throw new NpyFormatException($"The .npy array of shape {NpyArray.FormatShape(shape)} has more elements than a .NET array can hold ({Array.MaxLength}).");
            }
        }

        return new NpyHeader(version, dtype, shape, (int)length, headerBytes);
    }

    private static int[] ReadShape(object shape, string text)
    {
        if (shape is not LiteralTuple tuple || tuple.Items.Any(item => item is not long))
        {
            throw Malformed(text, "'shape' must be a tuple of integers such as (3, 4), (3,) or ()");
        }

        return tuple.Items.Cast<long>().Select(dimension => dimension switch
        {
            < 0 => throw Malformed(text, $"'shape' has a negative dimension ({dimension})"),
            > int.MaxValue => throw new NpyFormatException($"The .npy array's dimension {dimension} is larger than a .NET array can hold ({Array.MaxLength})."),
            _ => (int)dimension,
        }).ToArray();
    }

    // The problem may name keys from the header: bounded like the header itself.
    private static NpyFormatException Malformed(string text, string problem) => new($"Malformed .npy header: {Bounded(problem, 400)}. The header is {Excerpt(text)}.");

    private static string Bounded(string text, int limit) => text.Length <= limit ? text : text[..limit] + "…";

    /// <summary>Shows header text (the header, a key, a descr) as an exception message may quote it: bounded, with anything unprintable escaped.</summary>
    internal static string Excerpt(string text)
    {
        const int Limit = 200;
        var shown = text.TrimEnd(' ', '\n');
        var escaped = Printable(shown.Length > Limit ? shown[..Limit] : shown);
        return shown.Length > Limit ? escaped + "…" : escaped;
    }

    /// <summary>Shows text (or bytes read as latin-1) with printable ASCII as is and everything else escaped as \xNN or \uNNNN.</summary>
    internal static string Printable(string text) =>
        string.Concat(text.Select(c => c switch
        {
            >= ' ' and <= '~' => c.ToString(),
            <= '\xff' => $"\\x{(int)c:x2}",
            _ => $"\\u{(int)c:x4}",
        }));

    /// <summary>A Python tuple literal, e.g. a shape.</summary>
    private sealed record LiteralTuple(IReadOnlyList<object> Items);

    /// <summary>A Python list literal, e.g. a structured dtype's fields.</summary>
    private sealed record LiteralList(IReadOnlyList<object> Items);

    /// <summary>
    /// Reads the header dict: string keys; values that are strings, True/False, integers (a Python 2 'L' suffix
    /// allowed, as NumPy allows), or tuples and lists of those. Whitespace is only allowed between tokens and after the dict.
    /// </summary>
    private sealed class LiteralParser(string text)
    {
        // NumPy writes at most a shape tuple inside the dict (a structured dtype nests a little deeper); a hostile
        // header of thousands of '(' must fail as malformed, not overflow the stack (which would end the process).
        private const int MaxDepth = 32;

        private int _position;
        private int _depth;

        public Dictionary<string, object> ParseHeaderDict()
        {
            SkipWhitespace();
            Expect('{');
            var entries = new Dictionary<string, object>(StringComparer.Ordinal);
            SkipWhitespace();
            while (Peek() != '}')
            {
                var keyAt = _position;
                if (ParseValue() is not string key)
                {
                    throw Error(keyAt, "a string key");
                }

                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                if (!entries.TryAdd(key, ParseValue()))
                {
                    throw Malformed(text, $"the key '{Excerpt(key)}' appears twice");
                }

                if (!SkipSeparator('}'))
                {
                    break;
                }
            }

            Expect('}');
            SkipWhitespace();
            if (_position < text.Length)
            {
                throw Error(_position, "only spaces and a newline after the closing '}'");
            }

            return entries;
        }

        private object ParseValue()
        {
            var start = _position;
            switch (Peek())
            {
                case '\'' or '"':
                    return ParseString();
                case '(':
                    _position++;
                    var (tupleItems, sawComma) = ParseItems(')');
                    // Python: (3) is the integer 3, (3,) is a tuple.
                    return tupleItems.Count == 1 && !sawComma ? tupleItems[0] : new LiteralTuple(tupleItems);
                case '[':
                    _position++;
                    return new LiteralList(ParseItems(']').Items);
                case '-' or (>= '0' and <= '9'):
                    return ParseInteger();
                default:
                    if (TrySkipWord("True"))
                    {
                        return true;
                    }

                    if (TrySkipWord("False"))
                    {
                        return false;
                    }

                    throw Error(start, "a string, True, False, an integer, a tuple or a list");
            }
        }

        private (List<object> Items, bool SawComma) ParseItems(char close)
        {
            if (++_depth > MaxDepth)
            {
                throw Malformed(text, $"tuples and lists are nested deeper than {MaxDepth} levels");
            }

            var items = new List<object>();
            var sawComma = false;
            SkipWhitespace();
            while (Peek() != close)
            {
                items.Add(ParseValue());
                var separated = SkipSeparator(close);
                sawComma |= separated;
                if (!separated)
                {
                    break;
                }
            }

            Expect(close);
            _depth--;
            return (items, sawComma);
        }

        // After an item: either ", " (true) or whitespace before the closing bracket (false).
        private bool SkipSeparator(char close)
        {
            SkipWhitespace();
            if (Peek() == ',')
            {
                _position++;
                SkipWhitespace();
                return true;
            }

            if (Peek() != close)
            {
                throw Error(_position, $"',' or '{close}'");
            }

            return false;
        }

        private string ParseString()
        {
            var quote = text[_position];
            var end = text.IndexOf(quote, _position + 1);
            if (end < 0)
            {
                throw Error(_position, "a closing quote");
            }

            var value = text[(_position + 1)..end];
            if (value.Contains('\\', StringComparison.Ordinal))
            {
                throw Error(_position, "a string without escape sequences");
            }

            _position = end + 1;
            return value;
        }

        private long ParseInteger()
        {
            var start = _position;
            if (Peek() == '-')
            {
                _position++;
            }

            while (Peek() is >= '0' and <= '9')
            {
                _position++;
            }

            if (!long.TryParse(text.AsSpan(start, _position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Error(start, "an integer that fits in 64 bits");
            }

            if (Peek() == 'L')
            {
                _position++;
            }

            return value;
        }

        private bool TrySkipWord(string word)
        {
            if (string.CompareOrdinal(text, _position, word, 0, word.Length) != 0)
            {
                return false;
            }

            _position += word.Length;
            return true;
        }

        private void Expect(char expected)
        {
            if (Peek() != expected)
            {
                throw Error(_position, $"'{expected}'");
            }

            _position++;
        }

        private char? Peek() => _position < text.Length ? text[_position] : null;

        private void SkipWhitespace()
        {
            while (Peek() is ' ' or '\t' or '\n' or '\r')
            {
                _position++;
            }
        }

        private NpyFormatException Error(int position, string expected)
        {
            var found = position < text.Length ? $"'{Printable(text[position].ToString())}'" : "the end of the header";
            return Malformed(text, $"expected {expected} at character {position}, found {found}");
        }
    }
}
