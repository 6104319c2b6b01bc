namespace Fulfillment.Contracts.Validation;

/// <summary>
/// Strict RFC 3339 timestamps (<c>2026-11-25T14:30:00Z</c>, <c>2026-11-25T14:30:00.123+01:00</c>): date, <c>T</c>, time
/// to the second, optional fraction, and a mandatory offset. Looser ISO 8601 forms (no offset, no seconds) are
/// rejected because their instant is ambiguous. Leap seconds (:60) are not representable and rejected too.
/// </summary>
public static class Rfc3339
{
    private const int MaxFractionDigits = 9;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        // yyyy-MM-ddTHH:mm:ss then fraction and offset.
        if (text.Length < 20
            || !Digits(text, 0, 4, out var year) || text[4] != '-'
            || !Digits(text, 5, 2, out var month) || text[7] != '-'
            || !Digits(text, 8, 2, out var day) || (text[10] is not ('T' or 't'))
            || !Digits(text, 11, 2, out var hour) || text[13] != ':'
            || !Digits(text, 14, 2, out var minute) || text[16] != ':'
            || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            var start = ++position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            var digits = position - start;
            if (digits is 0 or > MaxFractionDigits)
            {
                return false;
            }

            // Ticks are 100 ns: the first seven digits count, the rest are below the clock's resolution.
            for (var i = 0; i < 7; i++)
            {
                fractionTicks = (fractionTicks * 10) + (i < digits ? text[start + i] - '0' : 0);
            }
        }

        if (!TryOffset(text[position..], out var offset)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset);
        return true;
    }

    public static bool IsValid(ReadOnlySpan<char> text) => TryParse(text, out _);

    private static bool TryOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is ['Z'] or ['z'])
        {
            return true;
        }

        if (text.Length != 6 || (text[0] is not ('+' or '-')) || text[3] != ':'
            || !Digits(text, 1, 2, out var hours) || !Digits(text, 4, 2, out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
        {
            offset = -offset;
        }

        // DateTimeOffset allows ±14:00 at most.
        return offset.Duration() <= TimeSpan.FromHours(14);
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
