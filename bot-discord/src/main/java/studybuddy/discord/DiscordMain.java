package studybuddy.discord; public final class DiscordMain { public static void main(String[] a) {} }
