; Inno Setup script: pcdesk's Windows installer, from the one-folder bundle in build\dist\pcdesk
; (packaging/pcdesk.spec). Built by .github/workflows/package.yml:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\pcdesk.iss
;
; Per user, without administrator rights (%LOCALAPPDATA%\Programs\pcdesk), a Start-menu
; shortcut, an optional desktop one, and an uninstaller listed in Settings > Apps. Running a
; newer installer updates in place; pcdesk's data (%LOCALAPPDATA%\pcdesk) is never touched,
; neither by an update nor by the uninstaller.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z
#endif

[Setup]
; Never change AppId: it is how an update finds the installed pcdesk.
AppId={{6F3C2A0E-5B1D-4C7A-9E2B-8D41A7C3F915}
AppName=pcdesk
AppVersion={#AppVersion}
AppVerName=pcdesk {#AppVersion}
AppPublisher=the pcdesk authors
AppCopyright=MIT License, (c) the pcdesk authors
VersionInfoVersion={#AppVersion}
; lowest: installs for the current user only, into {autopf} = %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\pcdesk
DisableProgramGroupPage=yes
DisableDirPage=auto
LicenseFile=..\..\LICENSE
SetupIconFile=..\icons\pcdesk.ico
UninstallDisplayIcon={app}\pcdesk.exe
UninstallDisplayName=pcdesk
OutputDir=..\..\dist
OutputBaseFilename=pcdesk-{#AppVersion}-windows-x64-setup
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An update closes a running pcdesk first (it asks), and offers to start it again.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole bundle: no library of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\build\dist\pcdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; DestName: "LICENSE.txt"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\pcdesk"; Filename: "{app}\pcdesk.exe"; WorkingDir: "{app}"; Comment: "Your Partner Center customers, on your desk"
Name: "{autodesktop}\pcdesk"; Filename: "{app}\pcdesk.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\pcdesk.exe"; Description: "{cm:LaunchProgram,pcdesk}"; Flags: nowait postinstall skipifsilent
