using System.Text;
using Lms.Content.Uploads;

namespace Lms.Services.Tests.Content;

public sealed class Probing_media_safely
{
    [Theory]
    [InlineData("#EXTM3U\n#EXTINF:10,\nhttp://10.0.0.1/a.ts\n")]
    [InlineData("ffconcat version 1.0\nfile 'http://169.254.169.254/latest/meta-data'\n")]
    [InlineData("<?xml version=\"1.0\"?><MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"></MPD>")]
    [InlineData("v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\nc=IN IP4 127.0.0.1\r\nm=video 5004 RTP/AVP 96\r\n")]
    [InlineData("\uFEFF#EXTM3U\n재생 목록\n")]
    public void Playlists_scripts_and_descriptions_are_text_and_refused(string content)
    {
        Assert.True(MediaSafety.IsText(Encoding.UTF8.GetBytes(content)));
    }

    [Fact]
    public void Container_headers_are_not_text()
    {
        byte[] mp4 = [0, 0, 0, 0x20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0];
        byte[] webm = [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01];
        byte[] wav = [.. "RIFF"u8, 0x24, 0x08, 0, 0, .. "WAVEfmt "u8, 0x10, 0, 0, 0];

        Assert.False(MediaSafety.IsText(mp4));
        Assert.False(MediaSafety.IsText(webm));
        Assert.False(MediaSafety.IsText(wav));
    }

    [Theory]
    [InlineData("video/mp4", "mov")]
    [InlineData("video/webm", "webm")]
    [InlineData("audio/wav", "wav")]
    [InlineData("application/vnd.apple.mpegurl", null)]
    [InlineData("application/pdf", null)]
    public void Each_declared_type_has_one_demuxer_and_playlists_none(string contentType, string? demuxer)
    {
        Assert.Equal(demuxer, MediaSafety.DemuxerFor(contentType));
    }
}
