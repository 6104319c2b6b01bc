using System.Text;

namespace Grains.Sqlite.Tests.Streams;

public sealed class StreamSegmentFormatTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(127, 1)]
    [InlineData(128, 2)]
    [InlineData(16_383, 2)]
    [InlineData(16_384, 3)]
    [InlineData(268_435_455, 4)]
    [InlineData(268_435_456, 5)]
    [InlineData(int.MaxValue, 5)]
    public void WriteLength_ThenTryReadLength_RoundTripsInTheBytesSizeOfLengthSays(int length, int bytes)
    {
        var buffer = new byte[8];

        var written = StreamSegmentFormat.WriteLength(buffer, length);
        var position = 0;
        var read = StreamSegmentFormat.TryReadLength(buffer, ref position, out var value);

        Assert.Equal((bytes, bytes, true, length), (written, StreamSegmentFormat.SizeOfLength(length), read, value));
        Assert.Equal(bytes, position);
    }

    [Theory]
    [InlineData(new byte[] { 0x80 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x08 })]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void TryReadLength_CutShortOrBeyondIntMaxValue_IsFalse(byte[] bytes)
    {
        var position = 0;

        Assert.False(StreamSegmentFormat.TryReadLength(bytes, ref position, out _));
    }

    [Fact]
    public void Reader_BuiltSegment_ReadsEveryFieldAndCountsBodyBytes()
    {
        var builder = new StreamSegmentBuilder();
        builder.Start(firstSequenceNumber: 5, firstOffset: 40);
        builder.Add("orders"u8, "o-1"u8, "evt-1"u8, [1, 2, 3]);
        builder.Add("inventory"u8, "wh/sku"u8, "evt-2"u8, []);

        var reader = new StreamSegmentReader(builder.Events);
        var first = reader.Read();
        var fields = (Text(first.Utf8Namespace), Text(first.Utf8Key), Text(first.Utf8EventId), Convert.ToHexString(first.Body));
        var second = reader.Read();

        Assert.Equal(("orders", "o-1", "evt-1", "010203"), fields);
        Assert.Equal("inventory", Text(second.Utf8Namespace));
        Assert.True(second.Body.IsEmpty);
        Assert.Equal((true, 3L, 2, 5L, 40L), (reader.End, reader.BodyBytes, builder.Count, builder.FirstSequenceNumber, builder.FirstOffset));
    }

    [Fact]
    public void Reader_UnknownFormat_ThrowsInvalidData()
    {
        var error = Assert.Throws<InvalidDataException>(() => new StreamSegmentReader([2, 0, 0, 0, 0]));

        Assert.Contains("format 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reader_RecordCutShort_ThrowsInvalidData()
    {
        byte[] segment = [StreamSegmentFormat.Version, 6, .. "orders"u8, 3, .. "o-1"u8, 9, .. "evt"u8];

        Assert.Throws<InvalidDataException>(() => new StreamSegmentReader(segment).Read());
    }

    private static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}
