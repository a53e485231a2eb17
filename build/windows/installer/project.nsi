# Staffdesk installer for Windows (amd64), built on Linux with NSIS's makensis: `make windows-installer`.
#
# Adapted from the Wails v2.9.2 NSIS template (pkg/buildassets/build/windows/installer/project.nsi and
# wails_tools.nsh), folded into this one file because `wails build -nsis` regenerates wails_tools.nsh.
# Build it with `make windows-installer`, not with the Wails CLI. Differences from the template:
#   - per-user install: RequestExecutionLevel user, $LOCALAPPDATA\Programs\Staffdesk, shortcuts and the
#     uninstall entry under HKCU; no administrator rights, no UAC prompt;
#   - no WebView2 bootstrapper inside (the template embeds MicrosoftEdgeWebview2Setup.exe, downloaded at
#     build time, which a build without internet cannot do). Windows 11 and current Windows 10 ship the
#     WebView2 runtime; where it is missing, the app itself (Wails' default "download" strategy) offers to
#     download and install it on first start;
#   - installs both staffdesk.exe (the window) and staffdesk-cli.exe (the same program as a console app);
#   - the uninstaller deletes only the files this installer wrote, never recursively: the data folder
#     %AppData%\staffdesk (the encrypted store and key slots) always stays, wherever $INSTDIR points;
#   - a 64-bit installer (Target amd64-unicode), so it also runs under a 64-bit-only Wine for the tests;
#     pass -DARG_TARGET=x86-unicode for the template's 32-bit stub.
#
# Defines passed by the Makefile (makensis -D...):
#   INFO_NSH      file of !define INFO_* lines generated from wails.json (go run ./scripts/winres nsh F)
#   ARG_GUI_EXE   path of build/bin/staffdesk.exe        ARG_CLI_EXE  path of build/bin/staffdesk-cli.exe
#   ARG_OUTFILE   the installer to write                  ARG_SIGN     optional signing command; it is run
#                 on the uninstaller and the installer as they are written (scripts/sign-windows.sh)

!ifndef ARG_TARGET
    !define ARG_TARGET "amd64-unicode"
!endif
Target "${ARG_TARGET}"

!ifndef INFO_NSH
    !error "INFO_NSH is not defined: build with make windows-installer"
!endif
!include "${INFO_NSH}"
!macro require NAME
    !ifndef ${NAME}
        !error "${NAME} is not defined: build with make windows-installer (see the defines above)"
    !endif
!macroend
!insertmacro require INFO_PROJECTNAME
!insertmacro require INFO_PRODUCTNAME
!insertmacro require INFO_COMPANYNAME
!insertmacro require INFO_PRODUCTVERSION
!insertmacro require INFO_PRODUCTVERSION4
!insertmacro require INFO_COPYRIGHT
!insertmacro require ARG_GUI_EXE
!insertmacro require ARG_CLI_EXE
!insertmacro require ARG_OUTFILE

!define PRODUCT_EXECUTABLE "${INFO_PROJECTNAME}.exe"
!define CLI_EXECUTABLE     "${INFO_PROJECTNAME}-cli.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${INFO_COMPANYNAME}${INFO_PRODUCTNAME}"
# The user's data (encrypted store, key slots): never touched by the installer or the uninstaller.
!define DATA_FOLDER "$APPDATA\${INFO_PROJECTNAME}"
# WebView2's cache for the window (go-webview2's default: %AppData%\<exe name>); removed on uninstall as
# the Wails template does. It is a different folder from DATA_FOLDER: staffdesk.exe, not staffdesk.
!define WEBVIEW2_CACHE "$APPDATA\${PRODUCT_EXECUTABLE}"

Unicode true
RequestExecutionLevel user
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifdef ARG_SIGN
    !uninstfinalize '"${ARG_SIGN}" "%1"' = 0
    !finalize '"${ARG_SIGN}" "%1"' = 0
!endif

!include "x64.nsh"
!include "WinVer.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

# Version information of the installer itself (four numbers).
VIProductVersion "${INFO_PRODUCTVERSION4}"
VIFileVersion    "${INFO_PRODUCTVERSION4}"
VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

!include "MUI2.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"
!define MUI_FINISHPAGE_RUN_TEXT "Start ${INFO_PRODUCTNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"

Name "${INFO_PRODUCTNAME}"
OutFile "${ARG_OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

# Windows 10 or later on a 64-bit x86 machine (the template's wails.checkArchitecture). Silent installs
# exit with 64 (Windows too old) or 65 (wrong architecture) instead of showing a message.
Function .onInit
    SetShellVarContext current
    ${IfNot} ${AtLeastWin10}
        ${If} ${Silent}
            SetErrorLevel 64
            Abort
        ${EndIf}
        MessageBox MB_OK "${INFO_PRODUCTNAME} needs Windows 10 or later."
        Quit
    ${EndIf}
    ${IfNot} ${IsNativeAMD64}
        ${If} ${Silent}
            SetErrorLevel 65
            Abort
        ${EndIf}
        MessageBox MB_OK "${INFO_PRODUCTNAME} runs on 64-bit x86 (amd64) Windows only."
        Quit
    ${EndIf}
FunctionEnd

Section
    SetShellVarContext current
    SetOutPath "$INSTDIR"

    File "/oname=${PRODUCT_EXECUTABLE}" "${ARG_GUI_EXE}"
    File "/oname=${CLI_EXECUTABLE}" "${ARG_CLI_EXE}"

    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"

    WriteUninstaller "$INSTDIR\uninstall.exe"

    WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${INFO_COMPANYNAME}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${INFO_PRODUCTNAME}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${INFO_PRODUCTVERSION}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${PRODUCT_EXECUTABLE}"
    WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
    WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
    WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Function un.onInit
    SetShellVarContext current
FunctionEnd

# Removes exactly what the installer wrote. No RMDir /r on $INSTDIR: if someone installed into a folder
# holding other files (even the data folder), those stay. DATA_FOLDER is never named here.
Section "uninstall"
    SetShellVarContext current

    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$INSTDIR\${CLI_EXECUTABLE}"
    Delete "$INSTDIR\uninstall.exe"
    RMDir "$INSTDIR"

    RMDir /r "${WEBVIEW2_CACHE}"

    Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"

    DeleteRegKey HKCU "${UNINST_KEY}"

    DetailPrint "Your Staffdesk data in ${DATA_FOLDER} was kept. Delete that folder yourself to remove it."
SectionEnd
