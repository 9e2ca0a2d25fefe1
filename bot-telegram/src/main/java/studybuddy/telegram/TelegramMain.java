package studybuddy.telegram; public final class TelegramMain { public static void main(String[] a) {} }
