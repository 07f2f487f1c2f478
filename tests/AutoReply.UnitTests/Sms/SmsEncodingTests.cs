using AutoReply.Sms;

namespace AutoReply.UnitTests.Sms;

public sealed class SmsEncodingTests
{
    private const string Emoji = "\U0001F600";

    private static string Letters(int count) => new('a', count);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(1530, 10)]
    [InlineData(1531, 11)]
    public void Gsm_7_text_fits_160_characters_in_one_segment_then_153_per_segment(int length, int segments)
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, segments, length), SmsEncoding.Measure(Letters(length)));
    }

    [Fact]
    public void The_gsm_7_basic_alphabet_including_accented_letters_stays_gsm_7()
    {
        var text = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./09:;<=>?¡AZÄÖÑÜ§¿azäöñüà\r\n";

        var length = SmsEncoding.Measure(text);

        Assert.Equal((SmsEncoding.Gsm7, text.Length), (length.Encoding, length.Units));
    }

    [Theory]
    [InlineData("€")]
    [InlineData("[")]
    [InlineData("]")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("~")]
    [InlineData("\\")]
    [InlineData("^")]
    [InlineData("|")]
    public void An_extension_character_counts_as_two(string extension)
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 1, 160), SmsEncoding.Measure(Letters(158) + extension));
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 2, 161), SmsEncoding.Measure(Letters(159) + extension));
    }

    [Fact]
    public void An_escape_pair_is_not_split_across_segments()
    {
        // 306 septets would fill exactly two segments, but the € would straddle the first boundary.
        var length = SmsEncoding.Measure(Letters(152) + "€" + Letters(152));

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 3, 306), length);
    }

    [Theory]
    [InlineData("ê")]
    [InlineData("á")]
    [InlineData("–")]
    [InlineData("’")]
    public void One_character_outside_gsm_7_makes_the_whole_text_ucs_2(string character)
    {
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 1, 70), SmsEncoding.Measure(character + Letters(69)));
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 2, 71), SmsEncoding.Measure(character + Letters(70)));
    }

    [Theory]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(201, 3)]
    [InlineData(202, 4)]
    public void Ucs_2_text_is_split_into_segments_of_67(int length, int segments)
    {
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, segments, length), SmsEncoding.Measure("ê" + Letters(length - 1)));
    }

    [Fact]
    public void An_emoji_makes_the_text_ucs_2_and_takes_two_units()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 1, 70), SmsEncoding.Measure(Emoji + Letters(68)));
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 2, 71), SmsEncoding.Measure(Emoji + Letters(69)));
    }

    [Fact]
    public void A_surrogate_pair_is_not_split_across_segments()
    {
        // 134 units would fill exactly two segments, but the emoji would straddle the first boundary.
        var length = SmsEncoding.Measure(Letters(66) + Emoji + Letters(66));

        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 3, 134), length);
    }

    [Fact]
    public void An_empty_text_is_one_gsm_7_segment()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 1, 0), SmsEncoding.Measure(""));
    }
}
