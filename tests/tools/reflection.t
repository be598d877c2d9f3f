# turn_learning_to_action on the terminal: only the chosen chapter's questions are asked (its
# sections' `when`); choosing another chapter from the review drops the first chapter's answers.
$ cairn init --district "Riverside Unified" >/dev/null 2>&1; printf '%s\n' 3 'DLT' 'Attendance and retention' '' 'SIS data' '' '' 1 2 4 'The union president and the board chair' '' save | cairn tool run turn_learning_to_action 2>&1 | grep -v '^  |' | sed -n '/^Chapter/,/^review> 1/p'
Chapter (the chapter you have just worked through; number or name): 3
Who reflected: DLT

== Prepare: Discover Shared Goals ==
  To apply what you have learned in this chapter, answer the following
  questions:
What school improvement issues do stakeholders in my system care about? (several lines; an empty line ends the answer): Attendance and retention
What data are available to help us hone in on our goals? (several lines; an empty line ends the answer): SIS data
How do we figure out what to work on first? (several lines; an empty line ends the answer): 

Review: Turn Learning to Action
   1  Chapter: Discover Shared Goals
   2  Who reflected: DLT
  == Prepare: Discover Shared Goals ==
   3  What school improvement issues do stakeholders in my system care about?: Attendance and retention
   4  What data are available to help us hone in on our goals?: SIS data
   5  How do we figure out what to work on first?: 
  Note: Answered: 2 of the chapter's 3 questions.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> 1
Chapter (the chapter you have just worked through; number or name) [Discover Shared Goals]: 2

Review: Turn Learning to Action
   1  Chapter: Identify Partners
   2  Who reflected: DLT
  == Prepare: Identify Partners ==
   3  What roles do different education stakeholders have in collaborative partnerships?: 
   4  Who should be included in an education partnership in my school system?: 
   5  What are my existing relationships with the other stakeholders in my system?: 
   6  How can I leverage existing relationships toward creating a partnership that will foster collaboration at all levels?: 
  ! answer at least one of the 4 questions of 'Identify Partners'
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> 4
Who should be included in an education partnership in my school system? (several lines; an empty line ends the answer): The union president and the board chair

Review: Turn Learning to Action
   1  Chapter: Identify Partners
   2  Who reflected: DLT
  == Prepare: Identify Partners ==
   3  What roles do different education stakeholders have in collaborative partnerships?: 
   4  Who should be included in an education partnership in my school system?: The union president and the board chair
   5  What are my existing relationships with the other stakeholders in my system?: 
   6  How can I leverage existing relationships toward creating a partnership that will foster collaboration at all levels?: 
  Note: Answered: 1 of the chapter's 4 questions.
Type a number to change that answer, save to save the worksheet, draft to save
a draft and finish later, back to return to the question you were on, or quit.
review> save
Saved worksheet 1 (turn_learning_to_action), revision 1.
$ cairn -e 'local w = tool.open_worksheet(1); print(w.title, w.status); for k, v in pairs(w.answers) do if k:match("^discover") then print("kept", k) end end; print(w.answers.identify_partners_2)'
Turn Learning to Action: Identify Partners	final
The union president and the board chair
