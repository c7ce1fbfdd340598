using System.Runtime.InteropServices;
using System.Text;

namespace Slipway.Containers.Engine;

/// <summary>
/// What .NET's file APIs do not say: whether a path is a FIFO, socket or device (opening one blocks or never ends), and
/// the raw bytes of a name that is not valid UTF-8 (.NET decodes it to U+FFFD and can then no longer open it).
/// Uses the runtime's own native shim for lstat and libc's readdir; on Windows everything is a file.
/// </summary>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>Null for a regular file, else what the path is ("a FIFO", "a socket", "a device"); "missing" when lstat fails.</summary>
    public static string? Special(string path)
    {
        if (OperatingSystem.IsWindows())
            return null;
        Span<byte> status = stackalloc byte[256]; // the shim's FileStatus: Flags (int32), then Mode (int32) at offset 4
        int result;
        try
        {
            result = LStat(path, ref MemoryMarshal.GetReference(status));
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        if (result != 0)
            return "missing";
        var type = BitConverter.ToInt32(status[4..8]) & TypeMask;
        return type switch
        {
            Regular => null,
            0x1000 => "a FIFO",
            0xC000 => "a socket",
            0x2000 or 0x6000 => "a device",
            0x4000 => null, // a folder that appeared since: the walk sees it next time
            0xA000 => null,
            _ => "not a regular file",
        };
    }

    /// <summary>The name as its bytes with everything outside printable ASCII as <c>\xNN</c>, found by listing
    /// <paramref name="folder"/> raw; the decoded name with U+FFFD as <c>\ufffd</c> where that is not possible.</summary>
    public static string EscapedName(string folder, string decodedName)
    {
        try
        {
            foreach (var raw in RawNames(folder))
                if (Encoding.UTF8.GetString(raw) == decodedName)
                    return Escape(raw);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        return decodedName.Replace("\uFFFD", "\\ufffd", StringComparison.Ordinal);
    }

    private static string Escape(byte[] raw)
    {
        var text = new StringBuilder();
        foreach (var b in raw)
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}");
        return text.ToString();
    }

    private static List<byte[]> RawNames(string folder)
    {
        var names = new List<byte[]>();
        var directory = OpenDirectory(folder);
        if (directory == IntPtr.Zero)
            return names;
        try
        {
            // struct dirent on 64-bit Linux (glibc and musl): d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name
            while (ReadDirectory(directory) is var entry && entry != IntPtr.Zero)
                names.Add(ReadBytes(entry + 19));
        }
        finally
        {
            CloseDirectory(directory);
        }
        return names;
    }

    private static byte[] ReadBytes(IntPtr name)
    {
        var length = 0;
        while (Marshal.ReadByte(name, length) != 0)
            length++;
        var bytes = new byte[length];
        Marshal.Copy(name, bytes, 0, length);
        return bytes;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte status);

    [DllImport("libc", EntryPoint = "opendir")]
    private static extern IntPtr OpenDirectory([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

    [DllImport("libc", EntryPoint = "readdir")]
    private static extern IntPtr ReadDirectory(IntPtr directory);

    [DllImport("libc", EntryPoint = "closedir")]
    private static extern int CloseDirectory(IntPtr directory);
}
