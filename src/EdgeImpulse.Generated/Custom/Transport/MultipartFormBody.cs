// CUSTOM: a multipart/form-data body (RFC 7578) from an operation's form fields, as the generated methods describe it
// (Templates/Client.Class.liquid): files stream from the caller's FileParameter; a text value (string, number, boolean,
// date, enum) is a plain part; a sequence of text values repeats the part once per item; an object or a sequence of
// objects is one application/json part. A required field that is null (or an empty sequence) is the caller's error,
// an optional one that is null is left out. Nothing here knows which API it talks to.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace EdgeImpulse.Generated;

internal sealed class MultipartFormBody : StreamedRequestBody
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly List<Part> _parts = [];
    private readonly List<FileParameter> _files = [];

    /// <summary>Gets the parts, in the order they are sent: field name and what it holds.</summary>
    public IReadOnlyList<Part> Parts => _parts;

    /// <inheritdoc />
    protected override IEnumerable<FileParameter> Files => _files;

    /// <summary>Adds the field <paramref name="name"/> (see the file header for how each kind of value is sent).</summary>
    /// <param name="name">The form field's name on the wire, e.g. <c>files[]</c>.</param>
    /// <param name="value">The value; null leaves an optional field out.</param>
    /// <param name="parameterName">The method parameter it came from (for the caller's exceptions).</param>
    /// <param name="required">Whether the API requires the field.</param>
    /// <returns>This body.</returns>
    /// <exception cref="ArgumentNullException">A required field is null.</exception>
    /// <exception cref="ArgumentException">A required sequence is empty, a sequence holds null, or an object lacks a field the API requires.</exception>
    public MultipartFormBody Add(string name, object? value, string parameterName, bool required)
    {
        if (value is null || IsDefaultValue(value))
        {
            if (required)
            {
                throw new ArgumentNullException(parameterName, $"Form field '{name}' is required.");
            }

            return this;
        }

        switch (value)
        {
            case FileParameter file:
                AddFile(name, file);
                break;
            case string or JToken or IDictionary:
                AddValue(name, value, parameterName);
                break;
            case IEnumerable items:
                AddSequence(name, items, parameterName, required);
                break;
            default:
                AddValue(name, value, parameterName);
                break;
        }

        return this;
    }

    /// <inheritdoc />
    protected override HttpContent CreateContent()
    {
        var boundary = Guid.NewGuid().ToString("N");
        var content = new MultipartFormDataContent(boundary)
        {
            // RFC 7578 4.2: a non-ASCII field or file name goes as UTF-8 (as browsers send it), not as filename*.
            HeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };

        // .NET quotes the boundary parameter; some servers do not unquote it, and a GUID needs no quotes.
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + boundary);
        foreach (var part in _parts)
        {
            var partContent = part.File is { } file ? FileContent(file) : new ByteArrayContent(part.Bytes!);
            if (part.File is null)
            {
                partContent.Headers.ContentType = part.IsJson ? Json : null;
            }

            partContent.Headers.TryAddWithoutValidation("Content-Disposition", Disposition(part));
            content.Add(partContent);
        }

        return content;
    }

    // A default(struct) value (an extensible enum nobody set) formats as empty text: it is no value.
    private static bool IsDefaultValue(object value) =>
        value.GetType().IsValueType && value is not bool && value is not IFormattable && ApiConnection.FormatValue(value).Length == 0;

    private static bool IsText(object value) => value is string || value.GetType().IsValueType;

    // The field and file names quoted as browsers quote them (WHATWG HTML: '"' and line breaks percent-encoded).
    private static string Disposition(Part part)
    {
        var disposition = $"form-data; name=\"{Escape(part.Name)}\"";
        return part.File is null ? disposition : $"{disposition}; filename=\"{Escape(part.File.FileName ?? part.Name)}\"";
    }

    private static string Escape(string name) => name.Replace("\"", "%22", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private void AddFile(string name, FileParameter file)
    {
        _files.Add(file);
        _parts.Add(new Part(name, file, null, IsJson: false));
    }

    private void AddValue(string name, object value, string parameterName)
    {
        if (IsText(value))
        {
            _parts.Add(new Part(name, null, Encoding.UTF8.GetBytes(ApiConnection.FormatValue(value)), IsJson: false));
            return;
        }

        if (value is not (JToken or IDictionary))
        {
            RequestBodyValidator.ThrowIfInvalid(value, parameterName);
        }

        _parts.Add(new Part(name, null, JsonRequestBody.ToUtf8(value), IsJson: true));
    }

    private void AddSequence(string name, IEnumerable items, string parameterName, bool required)
    {
        var list = new List<object>();
        foreach (var item in items)
        {
            list.Add(item ?? throw new ArgumentException($"Form field '{name}' holds a null item.", parameterName));
        }

        if (list.Count == 0 && required)
        {
            throw new ArgumentException($"Form field '{name}' is required and must hold at least one item.", parameterName);
        }

        if (list.TrueForAll(item => item is FileParameter))
        {
            list.ForEach(item => AddFile(name, (FileParameter)item));
        }
        else if (list.TrueForAll(IsText))
        {
            list.ForEach(item => AddValue(name, item, parameterName));
        }
        else if (list.Count > 0)
        {
            // A list of objects is one JSON array (a part per object would lose which fields belong together).
            list.ForEach(item => RequestBodyValidator.ThrowIfInvalid(item, parameterName));
            _parts.Add(new Part(name, null, JsonRequestBody.ToUtf8(list), IsJson: true));
        }
    }

    /// <summary>One part: a file (streamed) or fixed bytes (a text value, or JSON).</summary>
    internal sealed record Part(string Name, FileParameter? File, byte[]? Bytes, bool IsJson);
}
