/** The part of jstat (untyped, CommonJS) that affectlens uses: Student's t distribution. */
declare module 'jstat' {
  interface StudentT {
    /** P(T ≤ x) for T ~ t(df). */
    cdf(x: number, df: number): number;
    /** x such that P(T ≤ x) = p for T ~ t(df). */
    inv(p: number, df: number): number;
  }
  const jstat: { jStat: { studentt: StudentT } };
  export default jstat;
}
