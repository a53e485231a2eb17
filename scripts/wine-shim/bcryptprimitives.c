/*
 * TEST-ONLY shim for running Staffdesk's Windows exe under Debian 12's Wine 8.0. Never ship it.
 *
 * Go 1.22+ Windows binaries get their random bytes from ProcessPrng in bcryptprimitives.dll, which every
 * supported Windows has and Wine 8.0 lacks: without it the exe dies at start with "fatal error:
 * bcryptprimitives.dll not found". This DLL exports ProcessPrng on top of RtlGenRandom (advapi32's
 * SystemFunction036), which Wine implements from the host's random source. scripts/windows-smoke.sh builds
 * it with MinGW and copies it into a throwaway Wine prefix's system32 only.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
