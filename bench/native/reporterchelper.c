/* The two JNI functions GraalVM's progress reporter (com.oracle.svm.hosted.ProgressReporterCHelper) loads from
 * $JAVA_HOME/lib/svm/builder/lib/libreporterchelper.so; a GraalVM distribution ships it, the Maven jars do not.
 * bin/native-check compiles it into its copy of the JDK. */
#include <jni.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *env, jclass c) {
    struct winsize w;
    return ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0 ? w.ws_col : 0;
}

JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *env, jclass c) {
    struct rusage u;
    return getrusage(RUSAGE_SELF, &u) == 0 ? (jlong) u.ru_maxrss * 1024 : -1; /* Linux reports KiB */
}
