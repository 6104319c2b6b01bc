using System.Text;

namespace Grains.CodeGen.Emit;

/// <summary>Builds indented C# text. Lines end in '\n' whatever the host, so output is the same on every machine.</summary>
internal sealed class CodeWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new();
    private int _indent;

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
            {
                _builder.Append(IndentUnit);
            }

            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    /// <summary>Writes an opening brace and indents until the returned scope is disposed.</summary>
    public Block Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return new Block(this);
    }

    public override string ToString() => _builder.ToString();

    private void Close()
    {
        _indent--;
        Line("}");
    }

    public readonly struct Block(CodeWriter writer) : System.IDisposable
    {
        public void Dispose() => writer.Close();
    }
}
