namespace Lms.ClassroomBench;

/// <summary>
/// The clock time a frame was made, drawn into the frame itself as a grid of black and white blocks: 8 columns by
/// 5 rows, the first 32 blocks the low 32 bits of the Unix time in milliseconds, the last 8 their byte sum (a block
/// misread after compression fails the sum and the frame is not counted). Blocks are large (1/8 of the width, 1/5 of
/// the height) so H.264 at any sensible bitrate keeps them readable. The learner's page reads the same grid
/// (<see cref="Probes.ReadStamps"/>), and the browser studio's stand-in camera draws it (<see cref="Probes.StampedCamera"/>).
/// </summary>
public static class FrameStamp
{
    public const int Columns = 8;
    public const int Rows = 5;
    public const byte Dark = 16;
    public const byte Light = 235;

    public static byte Checksum(uint stamp) => (byte)((stamp & 0xFF) + ((stamp >> 8) & 0xFF) + ((stamp >> 16) & 0xFF) + (stamp >> 24));

    /// <summary>The 40 bits of a stamp, block by block (row-major).</summary>
    public static bool[] Bits(uint stamp)
    {
        var bits = new bool[Columns * Rows];
        for (var i = 0; i < 32; i++)
        {
            bits[i] = ((stamp >> i) & 1) == 1;
        }
        var sum = Checksum(stamp);
        for (var i = 0; i < 8; i++)
        {
            bits[32 + i] = ((sum >> i) & 1) == 1;
        }
        return bits;
    }

    /// <summary>Paints a stamp into a grey frame of <paramref name="width"/> × <paramref name="height"/> bytes.</summary>
    public static void Paint(Span<byte> frame, int width, int height, uint stamp)
    {
        var bits = Bits(stamp);
        for (var y = 0; y < height; y++)
        {
            var row = Math.Min(y * Rows / height, Rows - 1);
            var line = frame.Slice(y * width, width);
            for (var column = 0; column < Columns; column++)
            {
                var from = column * width / Columns;
                var to = (column + 1) * width / Columns;
                line[from..to].Fill(bits[row * Columns + column] ? Light : Dark);
            }
        }
    }
}
