using System.Buffers;
using System.Text.Json;

namespace MskPlanner.Pricing;

/// <summary>A price-list product: its SKU, family and attributes.</summary>
public sealed record OfferProduct(string Sku, string? ProductFamily, IReadOnlyDictionary<string, string> Attributes);

/// <summary>What was kept of an offer file: the wanted products and their on-demand USD prices.</summary>
public sealed record OfferPrices(string? PublicationDate, IReadOnlyDictionary<string, OfferProduct> Products, IReadOnlyDictionary<string, decimal> OnDemandUsd);

/// <summary>Raised for a file that is not a whole, well-formed AWS offer file.</summary>
public sealed class MalformedOfferException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads an AWS bulk offer file (<c>{publicationDate, products: {sku: {...}}, terms: {OnDemand: {...}, Reserved: {...}}}</c>)
/// as a stream, keeping only the products <c>wanted</c> accepts and their on-demand prices. Memory stays in
/// proportion to what is kept, not to the file: EC2's regional files run to hundreds of MB.
/// Products come before terms in these files, so the wanted SKUs are known when their terms arrive.
/// </summary>
public static class OfferFileReader
{
    private const int InitialBuffer = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<OfferPrices> ReadAsync(Stream stream, Func<OfferProduct, bool> wanted, CancellationToken cancellationToken = default)
    {
        var parser = new Parser(wanted);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var length = 0;
        try
        {
            var eof = false;
            while (!parser.Done)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                eof = read == 0;
                length += read;

                int consumed;
                try
                {
                    // Never the final block: an offer file ends with '}', so a reader that runs out of bytes is a truncated file, not a syntax error.
                    consumed = parser.Process(buffer.AsSpan(0, length));
                }
                catch (JsonException e)
                {
                    throw new MalformedOfferException($"The offer file is not valid JSON: {e.Message}", e);
                }

                Buffer.BlockCopy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
                if (eof && !parser.Done)
                {
                    throw new MalformedOfferException("The offer file ends before its products and terms are complete (truncated).");
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (!parser.SawProducts || !parser.SawTerms)
        {
            throw new MalformedOfferException("The file has no products or no terms: it is not an AWS offer file.");
        }

        return new OfferPrices(parser.PublicationDate, parser.Products, parser.Prices);
    }

    private enum Context
    {
        Start,
        Top,
        Products,
        Terms,
        OnDemand,
        Done,
    }

    private sealed class Parser(Func<OfferProduct, bool> wanted)
    {
        private JsonReaderState _state;
        private Context _context = Context.Start;
        private int _skipDepth;

        public bool Done => _context == Context.Done;

        public bool SawProducts { get; private set; }

        public bool SawTerms { get; private set; }

        public string? PublicationDate { get; private set; }

        public Dictionary<string, OfferProduct> Products { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, decimal> Prices { get; } = new(StringComparer.Ordinal);

        /// <summary>Handles every whole unit (a token, or a property with its value) in the buffer; returns the bytes used.</summary>
        public int Process(ReadOnlySpan<byte> data)
        {
            var reader = new Utf8JsonReader(data, isFinalBlock: false, _state);
            var committed = 0L;
            while (_context != Context.Done)
            {
                var unitState = reader.CurrentState;
                var unitStart = reader.BytesConsumed;
                if (!Unit(ref reader, data))
                {
                    _state = unitState;
                    return (int)unitStart;
                }

                committed = reader.BytesConsumed;
                _state = reader.CurrentState;
            }

            return (int)committed;
        }

        /// <summary>One unit of work; false (having changed nothing) when the buffer ends inside it.</summary>
        private bool Unit(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (_skipDepth > 0)
            {
                _skipDepth += reader.TokenType switch
                {
                    JsonTokenType.StartObject or JsonTokenType.StartArray => 1,
                    JsonTokenType.EndObject or JsonTokenType.EndArray => -1,
                    _ => 0,
                };
                return true;
            }

            switch (_context)
            {
                case Context.Start:
                    Expect(reader.TokenType == JsonTokenType.StartObject, "an offer file is a JSON object");
                    _context = Context.Top;
                    return true;

                case Context.Top when reader.TokenType == JsonTokenType.EndObject:
                    _context = Context.Done;
                    return true;

                case Context.Top:
                    {
                        var name = reader.GetString();
                        if (!reader.Read())
                        {
                            return false;
                        }

                        if (name == "publicationDate" && reader.TokenType == JsonTokenType.String)
                        {
                            PublicationDate = reader.GetString();
                        }
                        else if (name is "products" or "terms" && reader.TokenType == JsonTokenType.StartObject)
                        {
                            _context = name == "products" ? Context.Products : Context.Terms;
                            SawProducts |= name == "products";
                            SawTerms |= name == "terms";
                        }
                        else
                        {
                            SkipRest(ref reader);
                        }

                        return true;
                    }

                case Context.Products or Context.Terms or Context.OnDemand when reader.TokenType == JsonTokenType.EndObject:
                    _context = _context == Context.OnDemand ? Context.Terms : Context.Top;
                    return true;

                case Context.Products:
                    {
                        if (!ReadWholeValue(ref reader, data, out var value))
                        {
                            return false;
                        }

                        var product = JsonSerializer.Deserialize<ProductJson>(value, Json);
                        if (product?.Sku is { } sku)
                        {
                            var offered = new OfferProduct(sku, product.ProductFamily, product.Attributes ?? []);
                            if (wanted(offered))
                            {
                                Products[sku] = offered;
                            }
                        }

                        return true;
                    }

                case Context.Terms:
                    {
                        var name = reader.GetString();
                        if (!reader.Read())
                        {
                            return false;
                        }

                        if (name == "OnDemand" && reader.TokenType == JsonTokenType.StartObject)
                        {
                            _context = Context.OnDemand;
                        }
                        else
                        {
                            SkipRest(ref reader);
                        }

                        return true;
                    }

                case Context.OnDemand:
                    {
                        var sku = reader.GetString()!;
                        if (!Products.ContainsKey(sku))
                        {
                            if (!reader.Read())
                            {
                                return false;
                            }

                            SkipRest(ref reader);
                            return true;
                        }

                        if (!ReadWholeValue(ref reader, data, out var value))
                        {
                            return false;
                        }

                        if (PriceOf(value) is { } price)
                        {
                            Prices[sku] = price;
                        }

                        return true;
                    }

                default:
                    return true;
            }
        }

        /// <summary>After a property name: the whole (small) value that follows, or false to wait for more bytes.</summary>
        private static bool ReadWholeValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> data, out ReadOnlySpan<byte> value)
        {
            value = default;
            if (!reader.Read())
            {
                return false;
            }

            var start = reader.TokenStartIndex;
            if (!reader.TrySkip())
            {
                return false;
            }

            value = data[(int)start..(int)reader.BytesConsumed];
            return true;
        }

        /// <summary>Skips a value token by token, so a huge one (EC2's Reserved terms) never has to fit in memory.</summary>
        private void SkipRest(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                _skipDepth = 1;
            }
        }

        private static decimal? PriceOf(ReadOnlySpan<byte> terms) =>
            OnDemandTerms.UsdPrice(JsonSerializer.Deserialize<Dictionary<string, OnDemandTerm>>(terms, Json)?.Values);

        private static void Expect(bool condition, string what)
        {
            if (!condition)
            {
                throw new MalformedOfferException($"This is not an AWS offer file: {what}.");
            }
        }
    }

    private sealed record ProductJson(string? Sku, string? ProductFamily, Dictionary<string, string>? Attributes);
}
