// CUSTOM: the elements of a .npy array as one T[] in C order, with multi-dimensional, bounds-checked access.
using System;
using System.Numerics;

namespace EdgeImpulse.Generated.Npy;

/// <summary>A <c>.npy</c> array whose elements are <typeparamref name="T"/>, stored once, in C (row-major) order.</summary>
/// <typeparam name="T">
/// The element type: <see cref="bool"/>, <see cref="sbyte"/>, <see cref="byte"/>, <see cref="short"/>, <see cref="ushort"/>,
/// <see cref="int"/>, <see cref="uint"/>, <see cref="long"/>, <see cref="ulong"/>, <see cref="Half"/>, <see cref="float"/> or <see cref="double"/>.
/// </typeparam>
public sealed class NpyArray<T> : NpyArray
    where T : unmanaged
{
    private readonly T[] _data;

    internal NpyArray(NpyDType dtype, int[] shape, Version formatVersion, T[] data)
        : base(dtype, shape, data.Length, formatVersion)
    {
        _data = data;
    }

    /// <summary>Gets all elements in C order (the last index varies fastest); a scalar has one.</summary>
    public ReadOnlySpan<T> Span => _data;

    /// <summary>Gets all elements in C order, for use across <c>await</c>s or in other types.</summary>
    public ReadOnlyMemory<T> Memory => _data;

    /// <summary>Gets the element at the given indices, one per dimension (NumPy's <c>a[i, j]</c>).</summary>
    /// <param name="indices">One index per dimension, outermost first. For a scalar use <c>Span[0]</c>.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentException">The number of indices is not <see cref="NpyArray.Rank"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its dimension.</exception>
    public T this[params ReadOnlySpan<int> indices] => _data[Locate(indices, requireAll: true).Start];

    /// <summary>
    /// Gets the elements that the leading indices select, in C order (NumPy's <c>a[i]</c>): for DSP data of shape
    /// <c>(windows, features)</c>, <c>GetSubarray(w)</c> is the features of window <c>w</c>.
    /// </summary>
    /// <param name="indices">Up to <see cref="NpyArray.Rank"/> indices, outermost first; none selects everything.</param>
    /// <returns>A view of the selected elements (no copy).</returns>
    /// <exception cref="ArgumentException">More indices than dimensions.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside its dimension.</exception>
    public ReadOnlySpan<T> GetSubarray(params ReadOnlySpan<int> indices)
    {
        var (start, count) = Locate(indices, requireAll: false);
        return _data.AsSpan(start, count);
    }

    /// <summary>Copies the elements, in C order, to a new array.</summary>
    /// <returns>A new array of <see cref="NpyArray.Length"/> elements.</returns>
    public T[] ToArray() => _data.AsSpan().ToArray();

    /// <inheritdoc />
    public override double[] ToDoubleArray()
    {
        // By typeof(T), not by array pattern: the runtime lets a byte[] pass as sbyte[] (and uint[] as int[], ...).
        object data = _data;
        return typeof(T) == typeof(bool) ? Array.ConvertAll((bool[])data, flag => flag ? 1.0 : 0.0)
            : typeof(T) == typeof(sbyte) ? Convert((sbyte[])data)
            : typeof(T) == typeof(byte) ? Convert((byte[])data)
            : typeof(T) == typeof(short) ? Convert((short[])data)
            : typeof(T) == typeof(ushort) ? Convert((ushort[])data)
            : typeof(T) == typeof(int) ? Convert((int[])data)
            : typeof(T) == typeof(uint) ? Convert((uint[])data)
            : typeof(T) == typeof(long) ? Convert((long[])data)
            : typeof(T) == typeof(ulong) ? Convert((ulong[])data)
            : typeof(T) == typeof(Half) ? Convert((Half[])data)
            : typeof(T) == typeof(float) ? Convert((float[])data)
            : typeof(T) == typeof(double) ? ((double[])data).AsSpan().ToArray()
            : throw new NotSupportedException($"{typeof(T).Name} is not a .npy element type.");

        static double[] Convert<TNumber>(TNumber[] values)
            where TNumber : INumberBase<TNumber> => Array.ConvertAll(values, double.CreateTruncating);
    }
}
