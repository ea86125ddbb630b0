// CUSTOM: a JsonTextReader that notes the top-level members of the service's error envelope (ErrorEnvelope; for Edge
// Impulse "success" and "error", GenericApiResponse, which every Studio answer carries) while the serializer streams
// the body into T, so the error channel needs no second parse.
// It also turns a body that ends inside a value into a JsonReaderException (Newtonsoft would report it as a
// serialization error), so a truncated body reads as malformed JSON, as it did when the body was parsed whole.
using System.IO;
using Newtonsoft.Json;

namespace EdgeImpulse.Generated;

internal sealed class EnvelopeJsonReader(TextReader reader, ErrorEnvelope envelope) : JsonTextReader(reader)
{
    private const int None = 0;
    private const int SuccessMember = 1;
    private const int ErrorMember = 2;

    private int _pendingMember;
    private int _openContainers;
    private int _errorRank = int.MaxValue;
    private int _pendingErrorRank;

    /// <summary>Gets the value of a top-level boolean <c>success</c>, when the body had one.</summary>
    public bool? Success { get; private set; }

    /// <summary>Gets a value indicating whether the body had a top-level <c>success</c> member, of any type.</summary>
    public bool HasSuccess { get; private set; }

    /// <summary>
    /// Gets a value indicating whether the envelope says the call failed: only <c>"success": true</c> is success, so a
    /// <c>success</c> of any other value (false, "false", 0, null), or an <c>error</c> text without it, is a failure.
    /// Without a success member (<see cref="ErrorEnvelope.DecidesSuccess"/>), a body never says so: the status does.
    /// </summary>
    public bool IsFailureEnvelope => envelope.DecidesSuccess && Success != true && (HasSuccess || Error is not null);

    /// <summary>Gets the top-level error text (the envelope's most preferred error member that held a string), when the body had one.</summary>
    public string? Error { get; private set; }

    public override bool Read()
    {
        var read = base.Read();
        Observe(ended: !read);
        return read;
    }

    public override string? ReadAsString() => Observed(base.ReadAsString());

    public override bool? ReadAsBoolean()
    {
        if (_pendingMember == SuccessMember)
        {
            return ReadSuccess();
        }

        return Observed(base.ReadAsBoolean());
    }

    public override int? ReadAsInt32() => Observed(base.ReadAsInt32());

    public override decimal? ReadAsDecimal() => Observed(base.ReadAsDecimal());

    public override double? ReadAsDouble() => Observed(base.ReadAsDouble());

    public override System.DateTime? ReadAsDateTime() => Observed(base.ReadAsDateTime());

    public override System.DateTimeOffset? ReadAsDateTimeOffset() => Observed(base.ReadAsDateTimeOffset());

    public override byte[]? ReadAsBytes() => Observed(base.ReadAsBytes());

    // The serializer reads a bool property with ReadAsBoolean, which would coerce "true" or 1 to true; the envelope
    // check must see the raw token (only a JSON true is success), so "success" is read raw and coerced here instead.
    private bool? ReadSuccess()
    {
        if (!base.Read())
        {
            Observe(ended: true);
            return null;
        }

        Observe(ended: false);
        bool? value = TokenType switch
        {
            JsonToken.Boolean => (bool)Value!,
            JsonToken.Null => null,
            JsonToken.Integer => System.Convert.ToInt64(Value, System.Globalization.CultureInfo.InvariantCulture) != 0,
            JsonToken.String when bool.TryParse((string?)Value, out var parsed) => parsed,
            _ => throw new JsonReaderException($"Could not read 'success' as a boolean ({TokenType})."),
        };
        if (value is { } flag)
        {
            SetToken(JsonToken.Boolean, flag, updateIndex: false);
        }

        return value;
    }

    // A ReadAs* that returns null at the end of the input (or on a property name) has ended the body.
    private T Observed<T>(T value)
    {
        Observe(ended: value is null && TokenType is JsonToken.None or JsonToken.PropertyName);
        return value;
    }

    private void Observe(bool ended)
    {
        if (ended && _openContainers > 0)
        {
            throw new JsonReaderException($"The body ends inside a JSON value ({_openContainers} unclosed): it is truncated.", Path, LineNumber, LinePosition, null);
        }

        switch (TokenType)
        {
            case JsonToken.None:
                break;
            case JsonToken.StartObject or JsonToken.StartArray or JsonToken.StartConstructor:
                HasSuccess |= _pendingMember == SuccessMember;
                _openContainers++;
                _pendingMember = None;
                break;
            case JsonToken.EndObject or JsonToken.EndArray or JsonToken.EndConstructor:
                _openContainers--;
                break;
            case JsonToken.PropertyName:
                _pendingMember = _openContainers == 1 ? MemberOf((string)Value!) : None;
                break;
            default:
                if (_pendingMember == SuccessMember)
                {
                    HasSuccess = true;
                    Success = TokenType == JsonToken.Boolean ? (bool)Value! : null;
                }
                // The most preferred member wins; of one member sent twice, the last (as Newtonsoft reads it).
                else if (_pendingMember == ErrorMember && TokenType == JsonToken.String && _pendingErrorRank <= _errorRank)
                {
                    Error = (string?)Value;
                    _errorRank = _pendingErrorRank;
                }

                _pendingMember = None;
                break;
        }
    }

    private int MemberOf(string name)
    {
        if (string.Equals(name, envelope.SuccessMember, System.StringComparison.Ordinal))
        {
            return SuccessMember;
        }

        _pendingErrorRank = envelope.ErrorTextRank(name);
        return _pendingErrorRank >= 0 ? ErrorMember : None;
    }
}
